using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Tasks;

internal sealed class ClassificationTaskRunner : ITaskRunner
{
    public TaskKind Task => TaskKind.Classification;

    public async Task<TaskOutcome> RunAsync(TaskRunContext context)
    {
        var items = await context.Datasets.LoadItemsAsync<LabeledText>(context.DatasetId, context.CancellationToken);
        var o = context.Options;
        var result = await ClassificationEvaluator.EvaluateAsync(context.Embedder, items, ClassificationOptionsFor(o),
            o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken);
        return result.ToOutcome();
    }

    // Each seed trains on its own stratified 80% of the train split, so the seeds differ and their
    // spread is the error bar (at 100% both probes are deterministic and every seed would agree).
    internal static ClassificationOptions ClassificationOptionsFor(Specs.RunOptions o) => new()
    {
        Seeds = o.Seeds,
        KnnK = o.KnnK,
        MaxItems = o.MaxItems,
        SampleSeed = o.SplitSeed,
        TrainFraction = 0.8,
        Clustering = new ClusteringOptions { Seeds = Math.Min(o.Seeds, 3), SampleSeed = o.SplitSeed },
    };
}
