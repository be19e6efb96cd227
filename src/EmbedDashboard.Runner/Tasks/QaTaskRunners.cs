using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Tasks;

internal sealed class QaTaskRunner : ITaskRunner
{
    public TaskKind Task => TaskKind.QuestionAnswering;

    public async Task<TaskOutcome> RunAsync(TaskRunContext context)
    {
        var examples = await context.Datasets.LoadItemsAsync<QaExample>(context.DatasetId, context.CancellationToken);
        var o = context.Options;
        var sample = Sampling.Stratified(examples, _ => "", o.MaxItems, o.SplitSeed);
        return (await QaEvaluator.EvaluateAsync(context.Embedder, sample, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken)).ToOutcome();
    }
}

internal sealed class FaqRetrievalTaskRunner : ITaskRunner
{
    public TaskKind Task => TaskKind.FaqRetrieval;

    public async Task<TaskOutcome> RunAsync(TaskRunContext context)
    {
        var pairs = await context.Datasets.LoadItemsAsync<FaqPair>(context.DatasetId, context.CancellationToken);
        var o = context.Options;
        var sample = Sampling.Stratified(pairs, _ => "", o.MaxItems, o.SplitSeed);
        return (await FaqRetrievalEvaluator.EvaluateAsync(context.Embedder, sample, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken)).ToOutcome();
    }
}
