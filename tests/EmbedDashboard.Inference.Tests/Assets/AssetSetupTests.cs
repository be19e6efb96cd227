using System.Diagnostics;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Setup;

namespace EmbedDashboard.Inference.Tests.Assets;

[Collection(InstalledModelsCollection.Name)]
public sealed class AssetSetupTests(InstalledModelsFixture models)
{
    [Fact]
    public async Task EnsureAsync_AlreadyInstalled_ReturnsWellUnderASecond()
    {
        _ = models; // the fixture has run set-up once
        var watch = Stopwatch.StartNew();

        await AssetSetup.EnsureAsync(AppPaths.Root());

        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), $"took {watch.Elapsed.TotalMilliseconds:N0} ms");
        Assert.True(AssetSetup.IsComplete(models.Models, Path.Combine(AppPaths.Root(), "data")));
    }

    [Fact]
    public async Task EnsureAsync_ManyCallersAtOnce_AllComplete()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => AssetSetup.EnsureAsync(AppPaths.Root()))));

        Assert.True(File.Exists(ModelLayout.MiniLmModel(models.Models)));
    }

    [Fact]
    public async Task SetupLock_Held_SecondWaitsUntilReleased()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, ".setup.lock");
        var messages = new List<string>();
        var first = await SetupLock.AcquireAsync(path, null, CancellationToken.None);

        var second = SetupLock.AcquireAsync(path, new Engine.SyncProgress<string>(messages.Add), CancellationToken.None);
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await using var acquired = await second.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Single(messages, m => m.Contains("Waiting for another set-up"));
    }

    [Fact]
    public async Task SetupLock_HeldPastTimeout_TimeoutNamesTheLockFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, ".setup.lock");
        await using var first = await SetupLock.AcquireAsync(path, null, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => SetupLock.AcquireAsync(path, null, CancellationToken.None, TimeSpan.FromMilliseconds(200)));

        Assert.Contains(path, ex.Message);
    }
}
