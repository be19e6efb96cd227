using EmbedDashboard.Core.Access;
using EmbedDashboard.Core.Datasets.Importers;
using EmbedDashboard.Runner.Datasets;
using EmbedDashboard.Runner.Models;
using EmbedDashboard.Runner.Sharing;
using EmbedDashboard.Runner.Specs;
using EmbedDashboard.Training.Jobs;
using EmbedDashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Web.Tests.Access;

/// <summary>The services refuse on the server, whatever a page shows: a Viewer (or nobody) cannot change state.</summary>
public sealed class ServiceRefusalTests(AccessAppFactory app) : IClassFixture<AccessAppFactory>
{
    private T Get<T>() where T : notnull
    {
        _ = app.Server;
        return app.Services.GetRequiredService<T>();
    }

    private static readonly Func<IServiceProvider, Task>[] StateChanges =
    [
        s => s.GetRequiredService<ExperimentService>().CreateAsync(new ExperimentSpec { Datasets = ["x"], Embedders = ["y"] }),
        s => s.GetRequiredService<ExperimentService>().CancelRunAsync(1),
        s => s.GetRequiredService<DatasetImportService>().ImportAsync(new MemoryStream("a,b\n"u8.ToArray()), "x.csv", ImportFormat.ClassificationCsv, "x"),
        s => s.GetRequiredService<ModelLibrary>().RemoveAsync("minilm-l6-v2"),
        s => s.GetRequiredService<TrainingService>().StartAsync(new TrainingRequest { Name = "x", DatasetId = 1 }),
        s => s.GetRequiredService<SharingService>().CreateAsync("experiment", 1),
        s => s.GetRequiredService<SharingService>().ListAllAsync(),
        s => s.GetRequiredService<UserAdministration>().AddAsync("mallory", "Mallory-Password-1", AppRole.Owner),
    ];

    [Fact]
    public void WebHost_UserAccess_IsTheSignedInUser() => Assert.IsType<CurrentUser>(Get<IUserAccess>());

    [Fact]
    public async Task StateChangingServices_Viewer_Refused()
    {
        var services = Get<IServiceProvider>();
        CurrentUser.Principal = AccessAppFactory.User("vera", AppRole.Viewer);
        foreach (var change in StateChanges)
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => change(services));
            Assert.Contains("role", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StateChangingServices_Anonymous_AskedToSignIn()
    {
        var services = Get<IServiceProvider>();
        CurrentUser.Principal = null;
        foreach (var change in StateChanges)
        {
            var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => change(services));
            Assert.StartsWith("Sign in to", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OwnerOnlyActions_Editor_RefusedButSharingAllowed()
    {
        var services = Get<IServiceProvider>();
        CurrentUser.Principal = AccessAppFactory.User("eddie", AppRole.Editor);
        await Assert.ThrowsAsync<AccessDeniedException>(() => services.GetRequiredService<ModelLibrary>().RemoveAsync("minilm-l6-v2"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => services.GetRequiredService<SharingService>().ListAllAsync());
        var link = await services.GetRequiredService<SharingService>().CreateAsync("experiment", 1);
        Assert.Equal("eddie", link.CreatedBy);

        // Another editor may not revoke eddie's link; the owner may.
        CurrentUser.Principal = AccessAppFactory.User("erin", AppRole.Editor);
        await Assert.ThrowsAsync<AccessDeniedException>(() => services.GetRequiredService<SharingService>().RevokeAsync(link.Token));
        CurrentUser.Principal = AccessAppFactory.User("owner", AppRole.Owner);
        Assert.True(await services.GetRequiredService<SharingService>().RevokeAsync(link.Token));
    }
}
