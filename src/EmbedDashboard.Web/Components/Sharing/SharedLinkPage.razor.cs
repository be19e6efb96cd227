using EmbedDashboard.Runner.Sharing;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Sharing;

/// <summary>
/// The only page open without signing in. The token is looked up on the server and the view it froze is rendered
/// from the stored state alone: the address's query is never read, and the view's pages get no input controls.
/// </summary>
public partial class SharedLinkPage
{
    private ShareLink? _link;
    private bool _resolved;

    [Parameter]
    public required string Token { get; set; }

    [Inject]
    public required SharingService ShareLinks { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _link = await ShareLinks.ResolveAsync(Token);
        _resolved = true;
    }
}
