namespace EmbedDashboard.Core.Evaluation.Tasks;

public sealed record AnalogyOptions
{
    /// <summary>
    /// Candidates are the first N words of the frequency-ordered vocabulary (gensim's restrict_vocab);
    /// 0 = the whole list. Questions with a word outside them are not covered.
    /// </summary>
    public int VocabularySize { get; init; } = 30_000;

    /// <summary>
    /// Match question words to the vocabulary ignoring case, keeping the first (most frequent) case
    /// variant, as gensim's evaluate_word_analogies(case_insensitive=True).
    /// </summary>
    public bool CaseInsensitive { get; init; } = true;

    /// <summary>
    /// Memory for the similarity rows of the question words (one float per vocabulary word each).
    /// Questions are answered in chunks whose distinct words fit; smaller only means more chunks.
    /// </summary>
    public long SearchMemoryBytes { get; init; } = 128L << 20;
}
