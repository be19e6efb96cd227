using System.Runtime.InteropServices;

namespace EmbedDashboard.Training.Artifacts;

/// <summary>Raw little-endian float32 arrays: the simplest format numpy (np.fromfile) and others read too.</summary>
public static class FloatFile
{
    public static void Write(string path, ReadOnlySpan<float> values)
    {
        using var stream = File.Create(path);
        stream.Write(MemoryMarshal.AsBytes(values));
    }

    public static float[] Read(string path, long expectedCount)
    {
        var length = new FileInfo(path).Length;
        if (length != expectedCount * sizeof(float))
        {
            throw new InvalidDataException($"{Path.GetFullPath(path)} has {length:N0} bytes; expected {expectedCount:N0} floats ({expectedCount * sizeof(float):N0} bytes).");
        }

        var values = new float[expectedCount];
        using var stream = File.OpenRead(path);
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
