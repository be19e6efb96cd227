using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using EmbedDashboard.Inference.Store;
using Microsoft.Data.Sqlite;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// `embeddash bench --store [--n 20000]`: the embedding store's file format against the SQLite alternative the issue
/// named, on the same work — N 384-d vectors written in batches of 32 (one append / one transaction each, as the encoder
/// persists them), reopened, then every vector read once in random order. Both in a temp folder, deleted after.
/// </summary>
internal static class StoreBench
{
    private const int Dim = 384;
    private const int Batch = 32;

    public static void Run(int n)
    {
        var folder = Directory.CreateTempSubdirectory("embeddash-storebench-").FullName;
        try
        {
            var keys = Enumerable.Range(0, n).Select(i => EmbeddingKey.Of($"bench {i}")).ToArray();
            var vectors = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, Dim).Select(d => (float)(i ^ d)).ToArray()).ToArray();
            var order = Enumerable.Range(0, n).OrderBy(i => (i * 2654435761L) % n).ToArray();
            Console.WriteLine($"Embedding store: {n:N0} vectors × {Dim} floats, written in batches of {Batch}, read back in random order");
            Console.WriteLine($"{"backend",-22} {"write vec/s",12} {"reopen ms",10} {"read vec/s",12} {"bytes",14}");
            Print("append file + pread", Log(Path.Combine(folder, "log"), keys, vectors, order));
            Print("SQLite (WAL, BLOB)", Sqlite(Path.Combine(folder, "store.db"), keys, vectors, order));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double Write, double Reopen, double Read, long Bytes) Log(string directory, EmbeddingKey[] keys, float[][] vectors, int[] order)
    {
        var watch = Stopwatch.StartNew();
        using (var store = EmbeddingStore.Open(directory, long.MaxValue))
        {
            for (var i = 0; i < keys.Length; i += Batch)
            {
                store.AddRange(Enumerable.Range(i, Math.Min(Batch, keys.Length - i)).Select(j => (keys[j], vectors[j])).ToList());
            }
        }

        var write = watch.Elapsed.TotalSeconds;
        watch.Restart();
        using var reopened = EmbeddingStore.Open(directory, long.MaxValue);
        var reopen = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        foreach (var i in order)
        {
            if (!reopened.TryGet(keys[i], Dim, out var v) || v[1] != vectors[i][1]) throw new InvalidOperationException($"vector {i} lost");
        }

        return (keys.Length / write, reopen, keys.Length / watch.Elapsed.TotalSeconds, reopened.LengthBytes);
    }

    private static (double Write, double Reopen, double Read, long Bytes) Sqlite(string path, EmbeddingKey[] keys, float[][] vectors, int[] order)
    {
        var connectionString = $"Data Source={path}";
        var watch = Stopwatch.StartNew();
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE v (k BLOB PRIMARY KEY, d BLOB NOT NULL) WITHOUT ROWID;");
            var key = new byte[EmbeddingKey.Size];
            for (var i = 0; i < keys.Length; i += Batch)
            {
                using var transaction = connection.BeginTransaction();
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT OR IGNORE INTO v (k, d) VALUES ($k, $d)";
                var k = insert.Parameters.Add("$k", SqliteType.Blob);
                var d = insert.Parameters.Add("$d", SqliteType.Blob);
                for (var j = i; j < Math.Min(i + Batch, keys.Length); j++)
                {
                    keys[j].Write(key);
                    k.Value = key.ToArray();
                    d.Value = MemoryMarshal.AsBytes(vectors[j].AsSpan()).ToArray();
                    insert.ExecuteNonQuery();
                }

                transaction.Commit();
            }
        }

        var write = watch.Elapsed.TotalSeconds;
        watch.Restart();
        using var reader = new SqliteConnection(connectionString);
        reader.Open();
        using var select = reader.CreateCommand();
        select.CommandText = "SELECT d FROM v WHERE k = $k";
        var parameter = select.Parameters.Add("$k", SqliteType.Blob);
        select.Prepare();
        var reopen = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var keyBytes = new byte[EmbeddingKey.Size];
        foreach (var i in order)
        {
            keys[i].Write(keyBytes);
            parameter.Value = keyBytes;
            var v = MemoryMarshal.Cast<byte, float>((byte[])(select.ExecuteScalar() ?? throw new InvalidOperationException($"vector {i} lost")));
            if (v[1] != vectors[i][1]) throw new InvalidOperationException($"vector {i} wrong");
        }

        var read = watch.Elapsed.TotalSeconds;
        var bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        return (keys.Length / write, reopen, keys.Length / read, bytes);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Print(string name, (double Write, double Reopen, double Read, long Bytes) r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {r.Write,12:N0} {r.Reopen,10:N1} {r.Read,12:N0} {r.Bytes,14:N0}"));
}
