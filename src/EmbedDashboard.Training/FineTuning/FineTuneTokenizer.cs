using EmbedDashboard.Inference.Engine;
using Microsoft.ML.Tokenizers;

namespace EmbedDashboard.Training.FineTuning;

/// <summary>
/// Tokenises exactly as OnnxSentenceEncoder.Tokenize does (same vocab, lower-casing, [CLS] … [SEP],
/// head kept on truncation), so the ids seen in training are the ids served after export.
/// </summary>
internal sealed class FineTuneTokenizer
{
    private readonly BertTokenizer _tokenizer;

    public FineTuneTokenizer(string vocabPath)
    {
        if (!File.Exists(vocabPath)) throw new FileNotFoundException($"Vocabulary not found: {Path.GetFullPath(vocabPath)}", vocabPath);
        _tokenizer = BertTokenizer.Create(vocabPath, new BertOptions { LowerCaseBeforeTokenization = true });
    }

    public int ClsId => _tokenizer.ClassificationTokenId;
    public int SepId => _tokenizer.SeparatorTokenId;

    /// <summary>Word-piece ids without special tokens, at most maxTokens - 2 of them.</summary>
    public int[] ContentIds(string text, int maxTokens)
    {
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        return ids.Take(Math.Max(0, maxTokens - 2)).ToArray();
    }

    /// <summary>
    /// A sentence of words laid out exactly as OnnxSentenceEncoder.EmbedWordsAsync does (the shared
    /// <see cref="WordTokenLayout"/>), so a token-classification head learns on the positions served.
    /// </summary>
    public WordTokens Words(IReadOnlyList<string> words, int maxTokens) =>
        WordTokenLayout.Build(words, w => _tokenizer.EncodeToIds(w, addSpecialTokens: false), ClsId, SepId, _tokenizer.UnknownTokenId, maxTokens);

    /// <summary>[CLS] content [SEP].</summary>
    public int[] Wrap(ReadOnlySpan<int> content)
    {
        var result = new int[content.Length + 2];
        result[0] = ClsId;
        content.CopyTo(result.AsSpan(1));
        result[^1] = SepId;
        return result;
    }
}
