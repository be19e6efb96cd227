using System.Globalization;
using EmbedDashboard.Runner.Results;

namespace EmbedDashboard.Web.Components.Pages.Experiments;

/// <summary>One confusion-matrix row as shown: the gold label, its counts per predicted label, and its F1.</summary>
public sealed record ConfusionRow(string Gold, IReadOnlyList<int> Counts, string F1Text);

/// <summary>What the item-contrast panel shows of one dataset, with numbers already formatted.</summary>
public sealed record ItemContrastModel(ItemContrastView View, IReadOnlyList<ConfusionRow> TaskSpecificRows, IReadOnlyList<ConfusionRow> GeneralRows)
{
    public static ItemContrastModel Build(ItemContrastView view) => new(view, Rows(view, view.TaskSpecific), Rows(view, view.General));

    /// <summary>"12 (showing 50)" when the list was capped, so a short list is never mistaken for the whole story.</summary>
    public static string CountText(int shown, int total) => shown < total ? $"{total:N0} (showing {shown:N0})" : total.ToString("N0", CultureInfo.InvariantCulture);

    public static string ChoiceText(RunChoice choice) => $"{choice.EmbedderName} ({(choice.IsGeneral ? "general" : "task-specific")})";

    // NaN is a class neither gold nor predicted among the items: no F1 to show, rather than a misleading 0.
    public static string F1Text(double f1) => double.IsNaN(f1) ? "–" : f1.ToString("0.000", CultureInfo.InvariantCulture);

    private static IReadOnlyList<ConfusionRow> Rows(ItemContrastView view, EmbedderConfusion? confusion) => confusion is null
        ? []
        : view.Labels.Select((label, c) => new ConfusionRow(label, confusion.Counts[c], F1Text(confusion.F1[c]))).ToList();
}
