using EmbedDashboard.Training.Torch;
using TorchSharp;

namespace EmbedDashboard.Training.Tests.Torch;

public sealed class LibTorchCompatTests
{
    [Fact]
    public void EnsureLoadable_OnThisMachine_TorchComputes()
    {
        LibTorchCompat.EnsureLoadable();

        using var x = torch.arange(1, 5, dtype: torch.float32);
        using var sum = (x * x).sum();

        // 1 + 4 + 9 + 16, by hand.
        Assert.Equal(30f, sum.item<float>());
    }

    [Fact]
    public void MarkMissingVersionsWeak_AfterPatch_NothingLeftToMark()
    {
        LibTorchCompat.EnsureLoadable();
        var library = Path.Combine(Path.GetDirectoryName(typeof(torch).Assembly.Location)!, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

        var again = LibTorchCompat.MarkMissingVersionsWeak(File.ReadAllBytes(library), "libstdc++.so.6", new HashSet<string>());

        // With no version available at all, only needs not yet weak are reported: the patched one must not be among them.
        Assert.DoesNotContain("GLIBCXX_3.4.32", again);
        Assert.Contains("GLIBCXX_3.4.30", again);
    }
}
