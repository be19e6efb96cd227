using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EmbedDashboard.Training.FineTuning;

/// <summary>
/// The optimisation loop every fine-tuner shares: epochs of seeded-order batches, cancellation between steps, the time
/// budget, one dispose scope per step, gradient clipping, the loss curve and progress. Each trainer gives only the loss
/// of a batch (null when the batch has nothing to learn, e.g. a lone text for a contrastive loss).
/// </summary>
internal static class FineTuneLoop
{
    /// <param name="examples">How many training examples there are; batches are positions into them.</param>
    /// <param name="started">Runs since the trainer began (loading, tokenising): the result's elapsed time.</param>
    public static FineTuneResult Run(
        TorchBertEncoder encoder,
        IReadOnlyList<optim.Optimizer> optimizers,
        IReadOnlyList<Parameter> trainable,
        int examples,
        FineTuneOptions options,
        Random rng,
        Stopwatch started,
        Func<int[], Tensor?> batchLoss,
        IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var batchesPerEpoch = (examples + options.BatchSize - 1) / options.BatchSize;
        var totalSteps = batchesPerEpoch * options.Epochs;
        encoder.train();

        // The budget covers the optimisation loop only: loading and tokenising are one-off costs the
        // caller cannot trade against quality, and counting them would make short budgets train nothing.
        var loop = Stopwatch.StartNew();
        var curve = new List<LossPoint>();
        var seen = 0;
        var step = 0;
        var stoppedByBudget = false;
        var positions = Enumerable.Range(0, examples).ToArray();
        for (var epoch = 0; epoch < options.Epochs && !stoppedByBudget; epoch++)
        {
            if (epoch > 0) rng.Shuffle(positions); // epoch 0 uses the seeded order the trainer already drew
            for (var b = 0; b < batchesPerEpoch; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (options.TimeBudget is { } budget && loop.Elapsed >= budget)
                {
                    stoppedByBudget = true;
                    break;
                }

                var batch = positions.Skip(b * options.BatchSize).Take(options.BatchSize).ToArray();
                step++;
                double loss;
                using (NewDisposeScope())
                {
                    var lossTensor = batchLoss(batch);
                    if (lossTensor is null) continue;
                    foreach (var optimizer in optimizers) optimizer.zero_grad();
                    lossTensor.backward();
                    nn.utils.clip_grad_norm_(trainable, EncoderFineTuner.MaxGradNorm);
                    foreach (var optimizer in optimizers) optimizer.step();
                    loss = lossTensor.item<float>();
                }

                NativeHeap.Trim(); // the step's activations are freed; give them back to the OS (see NativeHeap)

                seen += batch.Length;
                var seconds = loop.Elapsed.TotalSeconds; // throughput and the curve count training, not loading
                var point = new LossPoint(step, loss, seconds);
                curve.Add(point);
                var fraction = (double)step / totalSteps;
                if (options.TimeBudget is { } limit) fraction = Math.Max(fraction, Math.Min(1, loop.Elapsed / limit));
                progress?.Report(new TrainingProgress(fraction, $"step {step}/{totalSteps}, loss {loss:0.###}", point, seen / Math.Max(seconds, 1e-9)));
            }
        }

        encoder.eval();
        return new FineTuneResult(encoder.ToWeights(), curve, seen, started.Elapsed, seen / Math.Max(loop.Elapsed.TotalSeconds, 1e-9), stoppedByBudget);
    }
}
