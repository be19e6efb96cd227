using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Core.Tests.Evaluation;

/// <summary>Per-word vectors from a table (unknown words Missing, zero row), all words of all sentences in order.</summary>
internal sealed class TableWordEmbedder(IReadOnlyDictionary<string, float[]> vectors) : IWordLevelEmbedder
{
    public EmbedderInfo Info { get; } = new("words", "words", EmbedderKind.StaticWordVectors, vectors.Values.First().Length, 0, "", "", "");

    public int Calls { get; private set; }

    public Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        var words = sentences.SelectMany(s => s).ToList();
        var d = Info.Dimension;
        var data = new float[words.Count * d];
        var missing = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            if (vectors.TryGetValue(words[i], out var v)) v.CopyTo(data, i * d);
            else missing[i] = true;
        }

        return Task.FromResult(new EmbeddingBatch(data, words.Count, d, missing, new EmbeddingStats(sentences.Count, words.Count, missing.Count(m => m), 1, TimeSpan.FromMilliseconds(1), 0)));
    }
}
