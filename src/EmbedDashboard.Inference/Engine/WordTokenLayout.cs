namespace EmbedDashboard.Inference.Engine;

/// <summary>
/// One sentence laid out for per-word vectors: [CLS] pieces-of-word-0 pieces-of-word-1 … [SEP], and the
/// index of each word's first sub-token (-1 = the word did not fit and is Missing).
/// </summary>
public sealed record WordTokens(int[] Ids, int[] FirstToken, int UnknownCount);

/// <summary>
/// The word → token layout of <see cref="OnnxSentenceEncoder.EmbedWordsAsync"/>, in one place so a model
/// fine-tuned for token classification is trained on exactly the positions the engine later reads.
/// </summary>
public static class WordTokenLayout
{
    /// <param name="encode">Word-piece ids of one word without special tokens.</param>
    /// <param name="maxTokens">Tokens per sentence including [CLS] and [SEP].</param>
    public static WordTokens Build(IReadOnlyList<string> words, Func<string, IReadOnlyList<int>> encode, int clsId, int sepId, int unkId, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(encode);
        var ids = new List<int> { clsId };
        var first = new int[words.Count];
        var unknown = 0;
        for (var w = 0; w < words.Count; w++)
        {
            // Words are tokenised one by one so the word → token offset is exact.
            var pieces = encode(words[w]);
            if (pieces.Count == 0) pieces = [unkId]; // e.g. a control character: keep the word's slot
            // A word that does not fit is skipped, not the rest of the sentence: a later, shorter word
            // may still fit. Leaves room for [SEP].
            if (ids.Count + pieces.Count > maxTokens - 1)
            {
                first[w] = -1;
                continue;
            }

            first[w] = ids.Count;
            ids.AddRange(pieces);
            unknown += pieces.Count(p => p == unkId);
        }

        ids.Add(sepId);
        return new WordTokens([.. ids], first, unknown);
    }
}
