namespace EmbedDashboard.Training.FineTuning;

/// <summary>What a pair fine-tune learns from its pairs.</summary>
public enum PairObjective
{
    /// <summary>(query, positive passage) pairs, in-batch (and optionally mined hard) negatives, symmetric InfoNCE.</summary>
    Contrastive,

    /// <summary>(sentence, sentence, gold score) pairs, CoSENT: the cosines must rank the pairs as the gold scores do.</summary>
    Similarity,
}

/// <summary>
/// One training pair: a query and its positive passage (retrieval, QA) or two sentences with a gold similarity (STS).
/// </summary>
public sealed record TrainingPair(string Query, string Passage, double? Score = null);

/// <summary>
/// The instruction an embedder puts before queries and passages (its EncoderProfile's prefixes), so training sees the
/// text as it is served. MiniLM has none; an instruction-tuned base (arctic's query prefix) would pass its own.
/// </summary>
public sealed record PairPrefixes(string Query = "", string Passage = "")
{
    public static PairPrefixes None { get; } = new();
}
