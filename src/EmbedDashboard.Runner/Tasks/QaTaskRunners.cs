using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Tasks;

/// <summary>
/// QA and FAQ retrieval score only the test split (a dataset without train items is all test); the item budget is
/// taken from the test items, and for FAQ retrieval only the test answers are candidates.
/// </summary>
internal sealed class QaTaskRunner : ITaskRunner
{
    public TaskKind Task => TaskKind.QuestionAnswering;

    public async Task<TaskOutcome> RunAsync(TaskRunContext context)
    {
        var examples = await context.Datasets.LoadItemsAsync<QaExample>(context.DatasetId, context.CancellationToken);
        var o = context.Options;
        var split = ScoredSplit.Select(examples, e => e.Split, "question");
        var sample = Sampling.Stratified(split.Test, _ => "", o.MaxItems, o.SplitSeed);
        var result = await QaEvaluator.EvaluateAsync(context.Embedder, sample, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken);
        return result.WithLeadingNote(split.Note(sample.Count)).ToOutcome();
    }
}

internal sealed class FaqRetrievalTaskRunner : ITaskRunner
{
    public TaskKind Task => TaskKind.FaqRetrieval;

    public async Task<TaskOutcome> RunAsync(TaskRunContext context)
    {
        var pairs = await context.Datasets.LoadItemsAsync<FaqPair>(context.DatasetId, context.CancellationToken);
        var o = context.Options;
        var split = ScoredSplit.Select(pairs, p => p.Split, "pair");
        var sample = Sampling.Stratified(split.Test, _ => "", o.MaxItems, o.SplitSeed);
        var result = await FaqRetrievalEvaluator.EvaluateAsync(context.Embedder, sample, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken);
        return result.WithLeadingNote(split.Note(sample.Count)).ToOutcome();
    }
}
