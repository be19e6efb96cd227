namespace EmbedDashboard.Training.Tagger;

/// <summary>
/// The "embedding layer trained with a tagger" for NER: a word + character-n-gram embedding table
/// trained jointly with a linear window tagger over the BIO tags, on the training sentences only.
/// </summary>
public sealed record WindowTaggerOptions
{
    /// <summary>Largest table trained here (floats): 250M floats = 1 GB, 3 GB with Adam's moments.</summary>
    public const long MaxTableFloats = 250_000_000;

    // Defaults chosen on WNUT-17's dev file (train → dev, the tagger's own entity F1; the test file was not used):
    // 50d×5 epochs 0.131 (it overfits to loss 0), 100d×2 epochs 0.145, 100d×1 at lr 0.01 0.082, 100d×3 at lr 0.002 0.130.
    public int Dimension { get; init; } = 100;

    /// <summary>Words each side of the tagged word (2: the window is words i−2..i+2).</summary>
    public int WindowRadius { get; init; } = 2;

    /// <summary>Hash buckets for character 3–5-grams; 0 turns subwords off (unseen words then get no vector).</summary>
    public int Buckets { get; init; } = 100_000;

    /// <summary>Lower-case words first. Off by default: in NER capitalisation is much of the signal.</summary>
    public bool LowerCase { get; init; }

    /// <summary>Words seen fewer times get no row of their own; their n-grams still cover them, as for unseen words.</summary>
    public int MinCount { get; init; } = 2;

    public int MaxWords { get; init; } = 50_000;
    public int Epochs { get; init; } = 2;

    /// <summary>Adam's step size (one step per sentence).</summary>
    public double LearningRate { get; init; } = 0.005;

    public int Seed { get; init; } = 13;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Dimension is < 2 or > 1000) problems.Add($"Dimension must be between 2 and 1000 (got {Dimension}).");
        if (WindowRadius is < 0 or > 5) problems.Add($"Window radius must be between 0 and 5 words (got {WindowRadius}).");
        if (Buckets is < 0 or > 4_000_000) problems.Add($"Buckets must be between 0 and 4,000,000 (got {Buckets}).");
        if (MinCount < 1) problems.Add($"Minimum count must be at least 1 (got {MinCount}).");
        if (MaxWords < 1) problems.Add($"Maximum vocabulary must be at least 1 (got {MaxWords}).");
        if (Epochs is < 1 or > 100) problems.Add($"Epochs must be between 1 and 100 (got {Epochs}).");
        if (!(LearningRate > 0 && LearningRate <= 1)) problems.Add($"Learning rate must be above 0 and at most 1 (got {LearningRate}).");
        var floats = ((long)Math.Max(MaxWords, 0) + Math.Max(Buckets, 0)) * Math.Max(Dimension, 0);
        if (floats > MaxTableFloats) problems.Add($"The table could reach {floats:N0} floats ((words + buckets) × dimension); at most {MaxTableFloats:N0}: lower the dimension, buckets or vocabulary.");
        return problems;
    }
}
