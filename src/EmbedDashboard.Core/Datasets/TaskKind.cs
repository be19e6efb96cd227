namespace EmbedDashboard.Core.Datasets;

/// <summary>The evaluation task a dataset feeds. Stored by name in SQLite: only append.</summary>
public enum TaskKind
{
    Classification,
    Ner,
    QuestionAnswering,
    FaqRetrieval,
    WordSimilarity,
    Analogy,
    Clustering,
    Sts,
    WordPairs,
    WordPolarity,
}
