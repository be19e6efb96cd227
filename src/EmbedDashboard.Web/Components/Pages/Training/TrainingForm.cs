using EmbedDashboard.Training.FastText;
using EmbedDashboard.Training.FineTuning;

namespace EmbedDashboard.Web.Components.Pages.Training;

/// <summary>Mutable form state for the embedding-layer options (the options record itself is immutable).</summary>
public sealed class LayerForm
{
    private static readonly FastTextOptions Defaults = new();
    public int Dimension { get; set; } = Defaults.Dimension;
    public EmbeddingInit Init { get; set; } = Defaults.Init;
    public int Epochs { get; set; } = Defaults.Epochs;
    public FastTextOptimizer Optimizer { get; set; } = Defaults.Optimizer;
    public double LearningRate { get; set; }
    public int Seed { get; set; } = Defaults.Seed;
    public bool Frozen { get; set; }
    public bool Bigrams { get; set; } = Defaults.WordBigrams;
    public bool Subwords { get; set; } = Defaults.Subwords;

    public FastTextOptions ToOptions() => new()
    {
        Dimension = Dimension,
        Init = Init,
        Epochs = Epochs,
        Optimizer = Optimizer,
        LearningRate = LearningRate,
        Seed = Seed,
        FreezeEmbeddings = Frozen,
        WordBigrams = Bigrams,
        Subwords = Subwords,
    };
}

/// <summary>Mutable form state for the NER tagger layer's options.</summary>
public sealed class TaggerForm
{
    private static readonly EmbedDashboard.Training.Tagger.WindowTaggerOptions Defaults = new();
    public int Dimension { get; set; } = Defaults.Dimension;
    public int Epochs { get; set; } = Defaults.Epochs;
    public double LearningRate { get; set; } = Defaults.LearningRate;
    public int WindowRadius { get; set; } = Defaults.WindowRadius;
    public bool LowerCase { get; set; } = Defaults.LowerCase;
    public int Seed { get; set; } = Defaults.Seed;

    public EmbedDashboard.Training.Tagger.WindowTaggerOptions ToOptions() => Defaults with
    {
        Dimension = Dimension,
        Epochs = Epochs,
        LearningRate = LearningRate,
        WindowRadius = WindowRadius,
        LowerCase = LowerCase,
        Seed = Seed,
    };
}

/// <summary>Mutable form state for the fine-tuning options.</summary>
public sealed class TuneForm
{
    private static readonly FineTuneOptions Defaults = new();
    public FineTuneObjective Objective { get; set; } = Defaults.Objective;
    public int LastLayers { get; set; } = Defaults.TrainLastLayers;
    public int Epochs { get; set; } = Defaults.Epochs;
    public int BatchSize { get; set; } = Defaults.BatchSize;
    public double LearningRate { get; set; } = Defaults.LearningRate;
    public double Temperature { get; set; } = Defaults.Temperature;
    public int MaxTokens { get; set; } = Defaults.MaxTokens;
    public double BudgetMinutes { get; set; } = 10;
    public int Seed { get; set; } = Defaults.Seed;
    public bool HardNegatives { get; set; } = Defaults.HardNegatives;

    public FineTuneOptions ToOptions() => new()
    {
        Objective = Objective,
        HardNegatives = HardNegatives,
        TrainLastLayers = LastLayers,
        Epochs = Epochs,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Temperature = Temperature,
        MaxTokens = MaxTokens,
        TimeBudget = BudgetMinutes > 0 ? TimeSpan.FromMinutes(BudgetMinutes) : null,
        Seed = Seed,
    };
}
