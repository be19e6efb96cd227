using EmbedDashboard.Runner.Projections;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Projections;

public partial class MovedItemsTable
{
    [Parameter, EditorRequired]
    public required MovedItemsModel Model { get; set; }

    private static string ExperimentLink(ChurnRunLink run) => $"experiments/{run.ExperimentId}";
}
