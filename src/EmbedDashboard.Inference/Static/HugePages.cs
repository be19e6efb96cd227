using System.Runtime.InteropServices;

namespace EmbedDashboard.Inference.Static;

/// <summary>
/// Asks Linux to back a large pinned array with transparent huge pages. Filling a fresh 136 MB array
/// costs ~33k 4 KB page faults, which in the VM this runs in took ~400 ms of the GloVe load; with
/// MADV_HUGEPAGE it is ~70 faults and the read takes ~60 ms. Best effort: elsewhere, or if the kernel
/// says no, nothing changes.
/// </summary>
internal static partial class HugePages
{
    private const int MadvHugePage = 14;
    private const long PageSize = 4096;

    public static void Advise(float[] pinnedArray)
    {
        if (!OperatingSystem.IsLinux() || pinnedArray.Length == 0)
        {
            return;
        }

        var start = (long)Marshal.UnsafeAddrOfPinnedArrayElement(pinnedArray, 0);
        var alignedStart = (start + PageSize - 1) & ~(PageSize - 1);
        var alignedEnd = (start + (long)pinnedArray.Length * sizeof(float)) & ~(PageSize - 1);
        if (alignedEnd > alignedStart)
        {
            try
            {
                _ = Madvise((nint)alignedStart, (nuint)(alignedEnd - alignedStart), MadvHugePage);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // Not glibc/musl: keep normal pages.
            }
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
