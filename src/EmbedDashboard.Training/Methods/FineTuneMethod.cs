using System.Globalization;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Bert;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Training.Artifacts;
using EmbedDashboard.Training.FineTuning;
using EmbedDashboard.Training.Jobs;
using EmbedDashboard.Training.Torch;

namespace EmbedDashboard.Training.Methods;

/// <summary>
/// Fine-tunes MiniLM with TorchSharp (supervised on the labels — for NER a tag head over each word's first sub-token —
/// or contrastive on the texts alone)
/// and exports the weights back to ONNX with the project's exporter, so the shared ONNX engine
/// serves the result like any installed model.
/// </summary>
public static class FineTuneMethod
{
    private const string SafetensorsFile = "model.fp16.safetensors";
    private const string ConfigFile = "config.json";

    public static MethodOutcome Train(TrainingContext context)
    {
        var options = context.Request.FineTune;
        var folder = ModelLayout.MiniLmDirectory(context.Registry.ModelsDirectory);
        var weightsPath = Path.Combine(folder, SafetensorsFile);
        var configPath = Path.Combine(folder, ConfigFile);
        var vocabPath = Path.Combine(folder, ModelLayout.VocabFileName);
        foreach (var path in new[] { weightsPath, configPath, vocabPath })
        {
            if (!File.Exists(path)) throw new TrainingInputException($"Fine-tuning needs MiniLM's weights; not found: {Path.GetFullPath(path)} (run set-up).");
        }

        try
        {
            LibTorchCompat.EnsureLoadable();
            TorchSharp.torch.InitializeDeviceType(TorchSharp.DeviceType.CPU);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new TrainingInputException($"TorchSharp (libtorch) could not be loaded, so encoders cannot be fine-tuned on this machine: {ex.GetBaseException().Message} ({LibTorchCompat.Status}).");
        }

        context.Progress.Report(new TrainingProgress(0, "Loading MiniLM's weights"));
        var start = BertWeights.Load(weightsPath, configPath);
        var problems = options.Validate(start.Config);
        if (problems.Count > 0) throw new TrainingInputException(string.Join(" ", problems));

        var data = context.Data;
        var supervised = options.Objective == FineTuneObjective.Supervised;
        var tokens = supervised && data.Tagging is not null;
        var pairs = supervised ? data.Pairs : null;
        FineTuneResult result;
        if (pairs is not null)
        {
            // Retrieval / QA: contrastive pairs; STS: CoSENT. Prefixes as the base embedder's profile defines them (MiniLM: none).
            var profile = context.Registry.Installed.FirstOrDefault(e => e.Id == ModelLayout.MiniLmId)?.Profile;
            result = PairFineTuner.Train(start, vocabPath, pairs.Train, pairs.Objective, options,
                new PairPrefixes(profile?.QueryPrefix ?? "", profile?.PassagePrefix ?? ""), new Scaled(context.Progress, 0.9), context.CancellationToken);
        }
        else if (tokens)
        {
            // NER: a tag head over each word's first sub-token, the same word → token layout the engine serves per-word vectors with.
            var tagIndex = data.Classes.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
            result = TokenClassificationFineTuner.Train(start, vocabPath, data.Tagging!.Train.Select(s => s.Tokens).ToList(),
                data.Tagging.Train.Select(s => (IReadOnlyList<int>)s.Tags.Select(t => tagIndex[t]).ToList()).ToList(), data.Classes.Count,
                options, new Scaled(context.Progress, 0.9), context.CancellationToken);
        }
        else
        {
            result = EncoderFineTuner.Train(start, vocabPath, data.TrainTexts, supervised ? data.TrainLabels : null, data.Classes.Count,
                options, new Scaled(context.Progress, 0.9), context.CancellationToken);
        }
        context.Progress.Report(new TrainingProgress(0.92, "Exporting the fine-tuned encoder to ONNX"));

        var objective = options.Objective switch
        {
            FineTuneObjective.Supervised when tokens => "token-classification",
            FineTuneObjective.Supervised when pairs?.Objective == PairObjective.Similarity => "cosent",
            FineTuneObjective.Supervised when pairs is not null => options.HardNegatives ? "pairs-hardneg" : "pairs",
            FineTuneObjective.Supervised => "supervised",
            FineTuneObjective.ContrastiveCrop => "contrastive-crop",
            _ => "contrastive-dropout",
        };
        var layers = options.TrainLastLayers == 0 ? "all" : $"last{options.TrainLastLayers}";
        var id = $"minilm-ft-{objective}-{layers}-{TrainingJobExecutor.Slug(data.Dataset.Name)}-j{context.Job.Id}";
        var budget = result.StoppedByTimeBudget ? $", stopped by the {options.TimeBudget!.Value.TotalMinutes:0.#}-minute budget after {result.ExamplesSeen:N0} examples" : "";
        var method = string.Create(CultureInfo.InvariantCulture,
            $"all-MiniLM-L6-v2 fine-tuned, {objective}{PairDetail(pairs, options)}{(supervised ? "" : $" (τ {options.Temperature:g3}, labels unused)")}, {(options.TrainLastLayers == 0 ? "all layers" : $"last {options.TrainLastLayers} layers")}, " +
            $"{options.Epochs} epoch(s), batch {options.BatchSize}, lr {options.LearningRate:g3}{(supervised && pairs is null ? $" (head {options.HeadLearningRate:g3})" : "")}, {options.MaxTokens} tokens, seed {options.Seed}{budget}");
        var figures = new Dictionary<string, double>
        {
            ["examples_per_second"] = result.ExamplesPerSecond,
            ["elapsed_seconds"] = result.Elapsed.TotalSeconds,
            ["examples_seen"] = result.ExamplesSeen,
            ["stopped_by_time_budget"] = result.StoppedByTimeBudget ? 1 : 0,
            ["final_loss"] = result.Curve.Count > 0 ? result.Curve[^1].Loss : double.NaN,
        };
        if (pairs is not null) figures["train_pairs"] = pairs.Train.Count; // train_examples counts the distinct texts

        var displayLayers = options.TrainLastLayers == 0 ? "all layers" : $"last {options.TrainLastLayers}";
        var manifest = context.BaseManifest(id, $"MiniLM ft {objective} ({displayLayers}) · {EmbeddingLayerMethod.ShortName(data.Dataset.Name)} #{context.Job.Id}",
            ArtifactType.OnnxEncoder, EmbedderKind.FineTunedEncoder, start.Config.HiddenSize, ModelLayout.OnnxFileName, method) with
        {
            BaseEmbedderId = ModelLayout.MiniLmId,
            TrainExamples = pairs?.Train.Count ?? data.TrainTexts.Count,
            Figures = figures,
            License = "derived from all-MiniLM-L6-v2 (Apache-2.0) and the dataset",
        };
        var notes = new List<string>
        {
            pairs is null
                ? string.Create(CultureInfo.InvariantCulture, $"Fine-tuned on {result.ExamplesSeen:N0} example passes from {data.TrainTexts.Count:N0} training texts at {result.ExamplesPerSecond:0.0} examples/s ({result.Elapsed.TotalSeconds:0} s in all).")
                : string.Create(CultureInfo.InvariantCulture, $"Fine-tuned on {result.ExamplesSeen:N0} pair passes from {pairs.Train.Count:N0} training pairs at {result.ExamplesPerSecond:0.0} pairs/s ({result.Elapsed.TotalSeconds:0} s in all; the {pairs.TestCount:N0} test items were not trained on)."),
        };
        if (result.StoppedByTimeBudget) notes.Add("Stopped by the time budget: the weights reached so far were kept.");
        if (!supervised) notes.Add("Self-supervised: the labels were not used, only the training texts.");

        return new MethodOutcome(
            [new PendingArtifact(manifest, target =>
            {
                BertOnnxExporter.Export(result.Weights, Path.Combine(target, ModelLayout.OnnxFileName));
                File.Copy(vocabPath, Path.Combine(target, ModelLayout.VocabFileName));
                File.Copy(configPath, Path.Combine(target, ConfigFile));
            })],
            figures, notes);
    }

    /// <summary>The pair loss and its knobs, for the method text (empty for the other objectives).</summary>
    private static string PairDetail(PairSplits? pairs, FineTuneOptions options) => pairs?.Objective switch
    {
        PairObjective.Similarity => string.Create(CultureInfo.InvariantCulture, $" (CoSENT, scale {1 / options.Temperature:g3}, {pairs.Train.Count:N0} scored pairs)"),
        PairObjective.Contrastive => string.Create(CultureInfo.InvariantCulture, $" (symmetric InfoNCE, in-batch negatives{(options.HardNegatives ? " + 1 mined hard negative" : "")}, τ {options.Temperature:g3}, {pairs.Train.Count:N0} pairs)"),
        _ => "",
    };

    /// <summary>Maps a trainer's 0–1 progress into the first part of the job's bar (export follows).</summary>
    private sealed class Scaled(IProgress<TrainingProgress> inner, double share) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with { Fraction = value.Fraction * share });
    }
}
