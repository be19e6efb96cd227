using System.Diagnostics;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Setup;

namespace EmbedDashboard.Cli.Commands;

internal static class SetupCommand
{
    public static async Task<int> RunAsync()
    {
        var root = AppPaths.Root();
        var watch = Stopwatch.StartNew();
        await AssetSetup.EnsureAsync(root, new SynchronousProgress(Console.WriteLine));
        Console.WriteLine($"Set-up complete in {watch.Elapsed.TotalSeconds:0.0} s ({root}).");
        return 0;
    }
}

/// <summary>Progress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and may print late).</summary>
internal sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
