using EmbedDashboard.Runner.Results;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Experiments;

public partial class ItemContrastPanel
{
    private IReadOnlyList<ItemContrastModel> _models = [];

    /// <summary>One entry per classification dataset with a baseline and a task-specific run; the panel shows nothing when empty.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<ItemContrastView> Contrasts { get; set; }

    protected override void OnParametersSet() => _models = Contrasts.Select(ItemContrastModel.Build).ToList();
}
