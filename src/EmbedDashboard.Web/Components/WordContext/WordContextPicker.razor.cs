using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Embeddings.WordContext;
using EmbedDashboard.Runner.WordContext;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.WordContext;

public partial class WordContextPicker
{
    /// <summary>Every dataset; only those with running texts are offered as contexts.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<DatasetInfo> Datasets { get; set; }

    [Parameter, EditorRequired]
    public required WordContextOptions Value { get; set; }

    [Parameter]
    public EventCallback<WordContextOptions> ValueChanged { get; set; }

    internal IEnumerable<DatasetInfo> TextDatasets => Datasets.Where(d => ContextTexts.HasTexts(d.Task));

    internal static string ModeLabel(WordVectorMode mode) => mode == WordVectorMode.InContext ? "In context of a dataset" : "Word alone";

    // Switching to in context preselects the first dataset with texts, so the choice is never left empty by accident.
    internal Task SetModeAsync(WordVectorMode mode) => ValueChanged.InvokeAsync(Value with
    {
        Mode = mode,
        Dataset = mode == WordVectorMode.InContext ? Value.Dataset ?? TextDatasets.FirstOrDefault()?.Name : Value.Dataset,
    });

    private Task SetDatasetAsync(string? dataset) => ValueChanged.InvokeAsync(Value with { Dataset = dataset });

    private Task SetOccurrencesAsync(int occurrences) => ValueChanged.InvokeAsync(Value with { MaxOccurrences = occurrences });
}
