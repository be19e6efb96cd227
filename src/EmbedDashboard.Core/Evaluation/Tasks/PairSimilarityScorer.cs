using System.Diagnostics;
using System.Numerics.Tensors;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;

namespace EmbedDashboard.Core.Evaluation.Tasks;

/// <summary>
/// Shared by word similarity and STS: cosine of the two sides against the gold score. Pairs without
/// gold are skipped before embedding; pairs with a side the embedder cannot represent are counted
/// as not covered, and ρ is over the covered pairs (as gensim's evaluate_word_pairs reports its OOV ratio).
/// When the pairs carry train items only the test pairs are scored (<see cref="ScoredSplit"/>).
/// </summary>
internal static class PairSimilarityScorer
{
    public static async Task<SimilarityCorrelationResult> ScoreAsync(TaskKind task, string unitName, IEmbedder embedder, IReadOnlyList<ScoredPair> pairs, EmbedOptions embedOptions, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(pairs);
        var watch = Stopwatch.StartNew();
        var split = ScoredSplit.Select(pairs, p => p.Split, "pair");
        pairs = split.Test;
        var gold = pairs.Where(p => p.Score is not null).ToList();
        // Each distinct text once, in one call.
        var texts = new List<string>();
        var row = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in gold.SelectMany(p => new[] { p.A, p.B }))
        {
            if (row.TryAdd(text, texts.Count)) texts.Add(text);
        }

        var batch = await embedder.EmbedAsync(texts, embedOptions, new ProgressSlice(progress, 0, 0.95, $"Embedding {unitName}s"), cancellationToken);
        var cosines = new List<double>();
        var scores = new List<double>();
        foreach (var pair in gold)
        {
            int a = row[pair.A], b = row[pair.B];
            if (batch.Missing[a] || batch.Missing[b]) continue;
            cosines.Add(TensorPrimitives.CosineSimilarity(batch.Row(a), batch.Row(b)));
            scores.Add(pair.Score!.Value);
        }

        var spearman = RankCorrelation.Spearman(cosines, scores);
        var pearson = RankCorrelation.Pearson(cosines, scores);
        var outOfVocabulary = gold.Count - cosines.Count;
        var withoutGold = pairs.Count - gold.Count;
        var notes = new List<string> { $"ρ over {cosines.Count:N0} of {gold.Count:N0} pairs with a gold score." };
        if (split.Note(pairs.Count) is { } splitNote) notes.Insert(0, splitNote);
        if (outOfVocabulary > 0) notes.Add($"{outOfVocabulary:N0} pair(s) have a {unitName} without a vector and are not covered.");
        if (withoutGold > 0) notes.Add($"{withoutGold:N0} pair(s) without a gold score were skipped.");
        if (cosines.Count < 2) notes.Add("Fewer than 2 covered pairs: no correlation can be computed.");
        progress?.Report(new EvaluationProgress(1, "Scored"));
        return new SimilarityCorrelationResult(spearman, pearson, cosines.Count, outOfVocabulary, withoutGold)
        {
            Task = task,
            Primary = new NamedMetric("spearman", Summary.Single(spearman)),
            Secondary = new OrderedDictionary<string, Summary>(StringComparer.Ordinal)
            {
                ["pearson"] = Summary.Single(pearson),
                ["pairs_scored"] = Summary.Single(cosines.Count),
                ["pairs_oov"] = Summary.Single(outOfVocabulary),
                ["pairs_without_gold"] = Summary.Single(withoutGold),
            },
            Counts = new EvaluationCounts(cosines.Count, outOfVocabulary, withoutGold),
            Embedding = batch.Stats,
            Elapsed = watch.Elapsed,
            Notes = notes,
        };
    }
}
