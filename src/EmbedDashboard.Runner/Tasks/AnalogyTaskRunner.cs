using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Evaluation.Tasks;
using EmbedDashboard.Inference.Setup;
using EmbedDashboard.Inference.Static;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.WordContext;

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
        var words = await WordVectorSource.CreateAsync(context.Embedder, context.WordLevelEmbedder, o.WordContext, context.Datasets, context.Progress, context.CancellationToken);
        IEnumerable<string> candidates;
        string? gloveNote = null;
        if (context.Registry.Installed.Any(e => e.Id == ModelLayout.GloveId) && context.Registry.Get(ModelLayout.GloveId) is StaticWordEmbedder glove)
        {
            candidates = glove.Vectors.Words;
        }
        else
        {
            candidates = sample.SelectMany(q => new[] { q.A, q.B, q.C, q.D }).Distinct(StringComparer.Ordinal);
            gloveNote = "GloVe is not installed: the vocabulary is the questions' own words.";
        }

        // In context every candidate needs occurrences of its own: the vocabulary is the words (in frequency order)
        // that occur in the context texts, up to the same cap, so answers are searched only among words with a vector.
        var vocabulary = (words.InContext is { } inContext ? candidates.Where(inContext.Index.Contains) : candidates).Take(o.AnalogyVocabulary).ToList();
        var restrictedNote = words.InContext is null ? null
            : $"In context, the vocabulary is restricted to the first {vocabulary.Count:N0} candidate words that occur in '{words.Dataset!.Name}' (cap {o.AnalogyVocabulary:N0}).";

        var result = await AnalogyEvaluator.EvaluateAsync(words.Embedder, sample, vocabulary, new AnalogyOptions { VocabularySize = o.AnalogyVocabulary }, o.ToEmbedOptions(), context.Progress.Forward(), context.CancellationToken);
        // Notes read: where the vocabulary came from, how it was restricted, how words became vectors, then the evaluator's.
        var noted = result.WithLeadingNote(words.Note()).WithLeadingNote(restrictedNote).WithLeadingNote(gloveNote);
        return noted.ToOutcome() with { WordContext = words.Record() };
    }
}
