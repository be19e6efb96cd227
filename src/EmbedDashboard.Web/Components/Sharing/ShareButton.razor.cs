using EmbedDashboard.Runner.Sharing;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Sharing;

/// <summary>
/// Creates a revocable read-only link to the current page as it is now (its address holds its
/// state): /shared/&lt;token&gt; opens that address without the page's input controls.
/// </summary>
public partial class ShareButton
{
    private string? _url;

    [Parameter, EditorRequired]
    public required string Kind { get; set; }

    [Inject]
    public required SharingService ShareLinks { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    private async Task ShareAsync()
    {
        var state = Navigation.ToBaseRelativePath(Navigation.Uri);
        var link = await ShareLinks.CreateAsync(Kind, 0, state);
        _url = Navigation.ToAbsoluteUri($"shared/{link.Token}").ToString();
    }
}
