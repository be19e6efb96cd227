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
        var result = await ClassificationEvaluator.EvaluateAsync(context.Embedder, items, new ClassificationSettings(o.Seeds, o.KnnK, o.MaxItems, o.SplitSeed),
            o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken);
        return result.ToOutcome();
    }
}
