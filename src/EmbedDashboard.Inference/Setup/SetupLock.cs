namespace EmbedDashboard.Inference.Setup;

/// <summary>
/// An exclusive lock file held with FileShare.None (on Linux .NET takes an flock on it, so it is honoured
/// across processes and released by the OS if a holder dies). The file is left in place on release:
/// deleting it would let a waiter lock the old, unlinked file while a newcomer locks a new one.
/// </summary>
internal static class SetupLock
{
    public static async Task<FileStream> AcquireAsync(string path, IProgress<string>? log, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(30));
        var told = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!told)
                {
                    log?.Report($"Waiting for another set-up to finish (lock: {Path.GetFullPath(path)})…");
                    told = true;
                }

                await Task.Delay(500, cancellationToken);
            }
            catch (IOException ex)
            {
                throw new TimeoutException($"Another set-up still holds {Path.GetFullPath(path)}; waited {(timeout ?? TimeSpan.FromMinutes(30)).TotalMinutes:0} min.", ex);
            }
        }
    }
}
