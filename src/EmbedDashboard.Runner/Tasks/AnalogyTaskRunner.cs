using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;
using EmbedDashboard.Runner.Execution;

namespace EmbedDashboard.Runner.Tasks;

/// <summary>
/// Analogies need a candidate vocabulary in frequency order. GloVe's vocabulary (the most frequent
/// N words) serves every embedder, so all are searched over the same words; without GloVe the
/// questions' own words are the vocabulary (said in the notes).
/// </summary>
internal sealed class AnalogyTaskRunner : ITaskRunner
{
    public TaskKind Task => TaskKind.Analogy;

    public async Task<TaskOutcome> RunAsync(TaskRunContext context)
    {
        var questions = await context.Datasets.LoadItemsAsync<AnalogyQuestion>(context.DatasetId, context.CancellationToken);
        var o = context.Options;
        var sample = Sampling.Stratified(questions, q => q.Section, o.MaxItems, o.SplitSeed);
        IReadOnlyList<string> vocabulary;
        string? note = null;
        if (context.Registry.Installed.Any(e => e.Id == ModelLayout.GloveId) && context.Registry.Get(ModelLayout.GloveId) is StaticWordEmbedder glove)
        {
            vocabulary = glove.Vectors.Words.Take(o.AnalogyVocabulary).ToList();
        }
        else
        {
            vocabulary = sample.SelectMany(q => new[] { q.A, q.B, q.C, q.D }).Distinct(StringComparer.Ordinal).ToList();
            note = "GloVe is not installed: the vocabulary is the questions' own words.";
        }

        var result = (await AnalogyEvaluator.EvaluateAsync(context.Embedder, sample, vocabulary, new AnalogyOptions { VocabularySize = o.AnalogyVocabulary }, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken)).ToOutcome();
        return note is null ? result : result with { Notes = note + " " + result.Notes };
    }
}
