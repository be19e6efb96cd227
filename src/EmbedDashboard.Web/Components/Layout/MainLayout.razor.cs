namespace EmbedDashboard.Web.Components.Layout;

public partial class MainLayout
{
    private bool _drawerOpen = true;

    // Set once the SignalR circuit is up; browser tests wait for it before clicking.
    private bool _interactive;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;
}
