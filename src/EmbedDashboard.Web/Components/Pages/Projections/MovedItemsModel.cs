using System.Globalization;
using EmbedDashboard.Core.Projections;
using EmbedDashboard.Runner.Projections;

namespace EmbedDashboard.Web.Components.Pages.Projections;

/// <summary>One row of "Items that move most": the item, its overlap, a few neighbours under each embedder, and its errors when runs exist.</summary>
public sealed record MovedItemRow(int Item, string Text, double Overlap, IReadOnlyList<string> FirstNeighbours, IReadOnlyList<string> SecondNeighbours, ItemErrors? Errors);

/// <summary>
/// View state of the "Items that move most" table for one churn (first embedder vs second): what it says above the
/// rows, the rows (lowest overlap first, capped at <see cref="Shown"/>), and the runs the errors come from.
/// </summary>
public sealed class MovedItemsModel
{
    public const int Shown = 25;

    private MovedItemsModel(ProjectionChurn churn, IReadOnlyList<MovedItemRow> rows, ChurnErrorView? errors)
    {
        Churn = churn;
        Rows = rows;
        Errors = errors;
    }

    public ProjectionChurn Churn { get; }
    public IReadOnlyList<MovedItemRow> Rows { get; }

    /// <summary>Null while the runs are being looked up.</summary>
    public ChurnErrorView? Errors { get; }

    public string Heading => $"Items that move most: {Churn.First.Name} vs {Churn.Second.Name}";

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Rows.Count} of {Churn.Items:N0} items shown, lowest overlap first. Overlap = share of an item's {Churn.K} nearest neighbours (cosine, full space) that both embedders agree on; mean {Churn.MeanOverlap:0.000}.")
        + (Churn.Excluded > 0 ? string.Create(CultureInfo.InvariantCulture, $" {Churn.Excluded:N0} plotted items have no vector under {Churn.Second.Name} and are not compared.") : "");

    public bool ShowErrors => Errors is { First: not null } or { Second: not null };

    /// <param name="textOfItem">Plotted text of each item (the projection's points), for the item and its neighbours.</param>
    public static MovedItemsModel From(ProjectionChurn churn, IReadOnlyDictionary<int, string> textOfItem, ChurnErrorView? errors)
    {
        ArgumentNullException.ThrowIfNull(churn);
        ArgumentNullException.ThrowIfNull(textOfItem);
        string Text(int item) => textOfItem.GetValueOrDefault(item) ?? $"item {item}";
        var rows = churn.MostMoved.Take(Shown).Select(m => new MovedItemRow(m.Item, Text(m.Item), m.Overlap,
            m.FirstNeighbours.Select(Text).ToList(), m.SecondNeighbours.Select(Text).ToList(), errors?.ByItem.GetValueOrDefault(m.Item))).ToList();
        return new MovedItemsModel(churn, rows, errors);
    }

    /// <summary>"pos ✓" / "neg ✗" / "–" (that run did not predict the item).</summary>
    public static string Prediction(string? predicted, bool? right) => predicted is null ? "–" : $"{predicted} {(right == true ? "✓" : "✗")}";
}
