using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Embeddings.WordContext;

namespace EmbedDashboard.Runner.Specs;

/// <summary>
/// What the user asks for: every dataset is evaluated with every embedder. The same JSON shape is
/// accepted by the CLI (`embeddash run spec.json`) and stored with the experiment for re-runs.
/// </summary>
public sealed record ExperimentSpec
{
    public string Name { get; init; } = "Untitled experiment";

    /// <summary>Dataset ids or exact names.</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    public IReadOnlyList<string> Embedders { get; init; } = [];

    public RunOptions Options { get; init; } = new();
}

/// <summary>Evaluation options that apply to every run of an experiment.</summary>
public sealed record RunOptions
{
    /// <summary>Probe seeds: the spread across them is shown as error bars.</summary>
    public int Seeds { get; init; } = 5;

    /// <summary>Upper bound on items per dataset (seeded, stratified where labels exist); 0 = all.</summary>
    public int MaxItems { get; init; } = 2000;

    public int SplitSeed { get; init; } = 13;

    /// <summary>Null: each encoder pools as its own configuration says (MiniLM mean, arctic-embed CLS, …).</summary>
    public Pooling? Pooling { get; init; }

    public int MaxTokens { get; init; } = 256;

    public int BatchSize { get; init; } = 32;

    /// <summary>Analogy: answers are searched among the first N words of the vocabulary.</summary>
    public int AnalogyVocabulary { get; init; } = 30000;

    public int KnnK { get; init; } = 10;

    /// <summary>Word similarity and analogy: each word alone, or in context of a dataset's texts (sentence encoders).</summary>
    public WordContextOptions WordContext { get; init; } = WordContextOptions.Alone;

    public EmbedOptions ToEmbedOptions() => new() { Pooling = Pooling, MaxTokens = MaxTokens, BatchSize = BatchSize };

    /// <summary>Specific problems, empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Seeds is < 1 or > 50) problems.Add($"Seeds must be between 1 and 50 (got {Seeds}).");
        if (MaxItems < 0) problems.Add($"Max items cannot be negative (got {MaxItems}).");
        if (MaxTokens is < 8 or > 512) problems.Add($"Max tokens must be between 8 and 512 (got {MaxTokens}).");
        if (BatchSize is < 1 or > 512) problems.Add($"Batch size must be between 1 and 512 (got {BatchSize}).");
        if (AnalogyVocabulary is < 100 or > 400000) problems.Add($"Analogy vocabulary must be between 100 and 400,000 words (got {AnalogyVocabulary}).");
        if (KnnK is < 1 or > 100) problems.Add($"k for the kNN probe must be between 1 and 100 (got {KnnK}).");
        problems.AddRange((WordContext ?? WordContextOptions.Alone).Validate());
        return problems;
    }
}
