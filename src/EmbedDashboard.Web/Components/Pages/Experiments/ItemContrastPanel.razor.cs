using EmbedDashboard.Runner.Results;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Experiments;

public partial class ItemContrastPanel
{
    private IReadOnlyList<ItemContrastModel> _models = [];

    /// <summary>One entry per dataset with two done runs to compare; the panel shows nothing when empty.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<ItemContrastView> Contrasts { get; set; }

    /// <summary>The reader picked another pair for a dataset; without a handler the pickers are not shown.</summary>
    [Parameter]
    public EventCallback<ItemPairChoice> OnPairChosen { get; set; }

    protected override void OnParametersSet() => _models = Contrasts.Select(ItemContrastModel.Build).ToList();

    private Task ChooseAsync(ItemContrastView view, int first, int second) => OnPairChosen.InvokeAsync(Choice(view, first, second));

    /// <summary>Picking the run already on the other side swaps the two, so the pair stays two different runs.</summary>
    internal static ItemPairChoice Choice(ItemContrastView view, int first, int second)
    {
        if (first == second) (first, second) = first == view.FirstRunId ? (view.SecondRunId, first) : (first, view.FirstRunId);
        return new ItemPairChoice(view.DatasetId, first, second);
    }
}

/// <summary>Compare run <paramref name="First"/> with run <paramref name="Second"/> on the dataset's items.</summary>
public sealed record ItemPairChoice(int DatasetId, int First, int Second);
