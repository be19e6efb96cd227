using EmbedDashboard.Core.Embeddings;

namespace EmbedDashboard.Core.Tests.Embeddings;

/// <summary>
/// A contextual word embedder whose vectors are easy to compute by hand: word w at position p of a sentence of n words
/// gets (length of w, p, n), so a vector depends on where the word stands. Words at position ≥ <paramref name="maxWords"/>
/// are Missing, as an encoder's token limit makes them. Records every call's sentences.
/// </summary>
internal sealed class RecordingWordEmbedder(int maxWords = int.MaxValue) : IWordLevelEmbedder
{
    public EmbedderInfo Info { get; } = new("ctx", "Contextual", EmbedderKind.SentenceEncoder, 3, 1, "sha", "test", "none");

    public List<IReadOnlyList<IReadOnlyList<string>>> Calls { get; } = [];

    public Task<EmbeddingBatch> EmbedWordsAsync(IReadOnlyList<IReadOnlyList<string>> sentences, EmbedOptions options, IProgress<EmbedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Add(sentences);
        var total = sentences.Sum(s => s.Count);
        var data = new float[total * 3];
        var missing = new bool[total];
        var row = 0;
        foreach (var sentence in sentences)
        {
            for (var p = 0; p < sentence.Count; p++, row++)
            {
                data[row * 3] = sentence[p].Length;
                data[row * 3 + 1] = p;
                data[row * 3 + 2] = sentence.Count;
                missing[row] = p >= maxWords;
            }
        }

        return Task.FromResult(new EmbeddingBatch(data, total, 3, missing, new EmbeddingStats(sentences.Count, total, 0, 1, TimeSpan.Zero, 0)));
    }
}
