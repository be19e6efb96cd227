using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Tasks;

/// <summary>Word similarity and STS share one evaluator: cosine vs gold, Spearman.</summary>
internal sealed class PairSimilarityTaskRunner(TaskKind task) : ITaskRunner
{
    public TaskKind Task { get; } = task;

    public async Task<TaskOutcome> RunAsync(TaskRunContext context)
    {
        var pairs = await context.Datasets.LoadItemsAsync<ScoredPair>(context.DatasetId, context.CancellationToken);
        var o = context.Options;
        var sample = Sampling.Stratified(pairs, _ => "", o.MaxItems, o.SplitSeed);
        var result = Task == TaskKind.Sts
            ? await StsEvaluator.EvaluateAsync(context.Embedder, sample, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken)
            : await WordSimilarityEvaluator.EvaluateAsync(context.Embedder, sample, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken);
        return result.ToOutcome();
    }
}
