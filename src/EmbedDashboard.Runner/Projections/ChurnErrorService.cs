using EmbedDashboard.Core.Evaluation.Statistics;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Data.Entities;
using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Runner.Projections;

/// <summary>A run whose stored predictions an item's errors come from, to link to its experiment's result page.</summary>
public sealed record ChurnRunLink(int RunId, int ExperimentId);

/// <summary>
/// The errors of a churn's items under each embedder's latest finished classification run on the dataset; a side
/// without such a run has a null link and null predictions, and <see cref="Message"/> says what to run.
/// </summary>
public sealed record ChurnErrorView(ChurnRunLink? First, ChurnRunLink? Second, string? Message, IReadOnlyDictionary<int, ItemErrors> ByItem)
{
    public ChurnErrorSummary Summary(ProjectionChurn churn) => ChurnErrorSummary.Of(churn, ByItem);
}

/// <summary>Links the items a neighbour churn lists to the two embedders' errors (gold label, each prediction) from stored runs.</summary>
public sealed class ChurnErrorService(RunStore runs, DatasetStore datasets)
{
    public const string RunBoth = "run an experiment with both to see their errors";

    public async Task<ChurnErrorView> ForAsync(int datasetId, ProjectionChurn churn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(churn);
        var dataset = await datasets.FindAsync(datasetId, cancellationToken) ?? throw new ProjectionRequestException($"Dataset {datasetId} does not exist.");
        var (firstRun, firstPredictions) = await LatestAsync(datasetId, churn.First.Id, cancellationToken);
        var (secondRun, secondPredictions) = await LatestAsync(datasetId, churn.Second.Id, cancellationToken);
        var missing = new[] { (churn.First.Name, firstPredictions), (churn.Second.Name, secondPredictions) }.Where(x => x.Item2 is null).Select(x => x.Name).ToList();
        var message = missing.Count == 0 ? null
            : $"No finished classification run of {string.Join(" or ", missing)} on {dataset.Name} with per-item predictions: {RunBoth}.";
        if (firstPredictions is null && secondPredictions is null) return new ChurnErrorView(null, null, message, new Dictionary<int, ItemErrors>());

        var texts = await ProjectionService.LabelledTextsAsync(datasets, dataset, cancellationToken);
        var textOfItem = churn.Overlaps.Where(o => o.Item < texts.Count).ToDictionary(o => o.Item, o => texts[o.Item].Text);
        return new ChurnErrorView(Link(firstRun, firstPredictions), Link(secondRun, secondPredictions), message,
            ChurnErrors.Match(textOfItem, firstPredictions, secondPredictions));
    }

    /// <summary>The latest run with per-item outcomes, and its predictions (null for tasks without them, or runs from before them).</summary>
    private async Task<(RunEntity? Run, ItemPredictions? Predictions)> LatestAsync(int datasetId, string embedderId, CancellationToken cancellationToken)
    {
        var run = await runs.LatestWithItemsAsync(datasetId, embedderId, cancellationToken);
        return (run, run?.ItemOutcomesGzip is { } gzip ? GzipJson.Deserialize<ItemOutcomes>(gzip).Predictions : null);
    }

    private static ChurnRunLink? Link(RunEntity? run, ItemPredictions? predictions) =>
        run is not null && predictions is not null ? new ChurnRunLink(run.Id, run.ExperimentId) : null;
}
