using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.WordContext;

namespace EmbedDashboard.Runner.Tasks;

/// <summary>
/// Word similarity and STS share one evaluator: cosine vs gold, Spearman. Only the test split is scored (a dataset
/// without train pairs is all test); the item budget is taken from the test pairs, so it is not spent on excluded ones.
/// </summary>
internal sealed class PairSimilarityTaskRunner(TaskKind task) : ITaskRunner
{
    public TaskKind Task { get; } = task;

    public async Task<TaskOutcome> RunAsync(TaskRunContext context)
    {
        var pairs = await context.Datasets.LoadItemsAsync<ScoredPair>(context.DatasetId, context.CancellationToken);
        var o = context.Options;
        var split = ScoredSplit.Select(pairs, p => p.Split, "pair");
        var sample = Sampling.Stratified(split.Test, _ => "", o.MaxItems, o.SplitSeed);
        if (Task == TaskKind.Sts)
        {
            var sts = await StsEvaluator.EvaluateAsync(context.Embedder, sample, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken);
            return sts.WithLeadingNote(split.Note(sample.Count)).ToOutcome();
        }

        // Words alone, or in context of the chosen dataset's texts (the source says which, for the record).
        var words = await WordVectorSource.CreateAsync(context.Embedder, context.WordLevelEmbedder, o.WordContext, context.Datasets, context.Progress, context.CancellationToken);
        EvaluationResult result = await WordSimilarityEvaluator.EvaluateAsync(words.Embedder, sample, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken);
        return result.WithLeadingNote(split.Note(sample.Count)).WithLeadingNote(words.Note()).ToOutcome() with { WordContext = words.Record() };
    }
}
