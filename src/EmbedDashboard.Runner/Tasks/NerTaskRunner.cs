using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Tasks;

internal sealed class NerTaskRunner : ITaskRunner
{
    public TaskKind Task => TaskKind.Ner;

    public async Task<TaskOutcome> RunAsync(TaskRunContext context)
    {
        var word = context.WordLevelEmbedder
            ?? throw new NotSupportedException($"{context.Embedder.Info.DisplayName} gives no per-word vectors, so it cannot be probed for NER.");
        var sentences = await context.Datasets.LoadItemsAsync<TaggedSentence>(context.DatasetId, context.CancellationToken);
        var o = context.Options;
        var result = await NerEvaluator.EvaluateAsync(word, sentences, new NerOptions { MaxSentences = o.MaxItems, Seed = o.SplitSeed }, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken);
        return result.ToOutcome();
    }
}
