using Bunit;
using MudBlazor.Services;

namespace EmbedDashboard.Web.Tests;

/// <summary>A bUnit context for MudBlazor components: its services, and loose JS interop (MudBlazor calls JS the tests do not check).</summary>
internal static class MudTestContext
{
    public static BunitContext Create()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        return ctx;
    }
}
