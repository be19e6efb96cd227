using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Jobs;
using EmbedDashboard.Core.Training;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Runner.Execution;
using EmbedDashboard.Runner.Results;
using EmbedDashboard.Training.Jobs;
using EmbedDashboard.Web.Components.Charts;
using EmbedDashboard.Web.Components.Pages.Training;

namespace EmbedDashboard.Web.Tests;

public sealed class TrainingAndChartTests
{
    private static RunView Run(int id, string dataset, int dimension, string? embedderId = null, string? baseId = null) => new(
        id, 1, dataset, TaskKind.Classification, embedderId ?? $"e{id}", embedderId ?? $"E{id}", true, RunStatus.Done, 1, null, null,
        [new MetricView("accuracy", 0.8, null, true, [0.8])],
        new EfficiencyRecord(100, 1000, 10, 100, 1000, 0, 0, 0, dimension, 0, 1, 1),
        new ReproducibilityRecord(embedderId ?? $"e{id}", "", "", 0, 1, 0, "mean", 256, 32, new Dictionary<string, string>(), "", "", 2, BaseEmbedderId: baseId),
        null, null);

    [Fact]
    public void DimensionChartApplies_PcaSweepOfOneBase_True()
    {
        Assert.True(DimensionChart.Applies([Run(1, "imdb", 384, "minilm"), Run(2, "imdb", 64, "minilm-pca-64", "minilm"), Run(3, "imdb", 16, "minilm-pca-16", "minilm")]));
    }

    [Fact]
    public void DimensionChartApplies_GloveAndMiniLmAtTheirOwnDimensions_False()
    {
        // Two unrelated models at 100 and 384 dimensions are not a dimension trade-off: no line joining them.
        Assert.False(DimensionChart.Applies([Run(1, "imdb", 100, "glove-6b-100d"), Run(2, "imdb", 384, "minilm")]));
    }

    [Fact]
    public void DimensionChartApplies_OneDimensionPerDataset_False()
    {
        // Same dimension on one dataset, another dimension only on another dataset: no trade-off to draw.
        Assert.False(DimensionChart.Applies([Run(1, "imdb", 384, "minilm"), Run(2, "imdb", 384, "minilm-ft", "minilm"), Run(3, "reuters", 100, "minilm-pca-100", "minilm")]));
    }

    [Fact]
    public void ParseDimensions_ListWithWord_SpecificError()
    {
        Assert.Equal([16, 32, 64], TrainingPage.ParseDimensions("16, 32;64"));
        var error = Assert.Throws<TrainingInputException>(() => TrainingPage.ParseDimensions("16, big"));
        Assert.Contains("Not a whole number: big", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TaskKind.FaqRetrieval, "in-batch negatives")]
    [InlineData(TaskKind.QuestionAnswering, "sentence holding the answer")]
    [InlineData(TaskKind.Sts, "CoSENT")]
    [InlineData(TaskKind.Classification, "classification head")]
    public void ObjectiveLabel_Supervised_SaysWhatItTrainsOnForTheTask(TaskKind task, string expected)
    {
        Assert.Contains(expected, TrainingChoices.ObjectiveLabel(EmbedDashboard.Training.FineTuning.FineTuneObjective.Supervised, task), StringComparison.Ordinal);
    }

    [Fact]
    public void MethodsFor_PairAndWordTasks_NoEmbeddingLayerForPairsNothingForWordLists()
    {
        Assert.DoesNotContain(TrainingMethod.EmbeddingLayer, TrainingTaskRules.MethodsFor(TaskKind.Sts));
        Assert.Contains(TrainingMethod.FineTuneEncoder, TrainingTaskRules.MethodsFor(TaskKind.FaqRetrieval));
        Assert.Contains(TrainingMethod.EmbeddingLayer, TrainingTaskRules.MethodsFor(TaskKind.Ner));
        Assert.Empty(TrainingTaskRules.MethodsFor(TaskKind.WordSimilarity));
    }
}
