using EmbedDashboard.Core.Datasets;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Datasets;

public partial class DatasetsTable
{
    private readonly OpenRows _open = new();

    [Parameter, EditorRequired]
    public required IReadOnlyList<DatasetInfo> Datasets { get; set; }
}

/// <summary>Which rows have their detail open; survives the list being reloaded (keyed by id).</summary>
public sealed class OpenRows
{
    private readonly HashSet<int> _open = [];

    public bool IsOpen(int id) => _open.Contains(id);

    public void Toggle(int id)
    {
        if (!_open.Remove(id)) _open.Add(id);
    }
}
