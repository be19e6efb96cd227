using EmbedDashboard.Core.Access;
using EmbedDashboard.Runner.Sharing;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Sharing;

/// <summary>
/// Creates a revocable read-only link to the current page as it is now: its state (the address's query) is frozen on
/// the server, and /s/&lt;token&gt; shows exactly that, without the page's input controls.
/// </summary>
public partial class ShareButton
{
    private string? _url;
    private string? _problem;
    private int _days = 30;

    [Parameter, EditorRequired]
    public required string Kind { get; set; }

    [Inject]
    public required SharingService ShareLinks { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    private async Task ShareAsync()
    {
        _problem = null;
        try
        {
            var state = FrozenState.Canonical(Navigation.ToBaseRelativePath(Navigation.Uri));
            var link = await ShareLinks.CreateAsync(Kind, 0, state, _days > 0 ? TimeSpan.FromDays(_days) : null);
            _url = Navigation.ToAbsoluteUri($"s/{link.Token}").ToString();
        }
        catch (AccessDeniedException ex)
        {
            _problem = ex.Message;
        }
    }
}
