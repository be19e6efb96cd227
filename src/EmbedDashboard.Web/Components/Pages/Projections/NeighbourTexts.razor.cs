using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Projections;

public partial class NeighbourTexts
{
    [Parameter, EditorRequired]
    public required IReadOnlyList<string> Texts { get; set; }
}
