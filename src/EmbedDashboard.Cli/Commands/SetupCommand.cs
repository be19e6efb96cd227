using System.Diagnostics;
using EmbedDashboard.Core.Paths;
using EmbedDashboard.Inference.Setup;

namespace EmbedDashboard.Cli.Commands;

/// <summary>`embeddash setup`: fetch and convert models and built-in datasets at the repository root (idempotent).</summary>
internal static class SetupCommand
{
    public static async Task<int> RunAsync()
    {
        var root = AppPaths.Root();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var watch = Stopwatch.StartNew();
        try
        {
            await AssetSetup.EnsureAsync(root, new SynchronousProgress(Console.WriteLine), cancel.Token);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or InvalidDataException or TimeoutException)
        {
            Console.Error.WriteLine($"Set-up failed: {ex.Message}");
            return 1;
        }

        Console.WriteLine($"Set-up complete in {watch.Elapsed.TotalSeconds:0.00} s ({root}).");
        return 0;
    }
}

/// <summary>Progress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and may print late).</summary>
internal sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
