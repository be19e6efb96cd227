using System.Runtime.InteropServices;
using Google.Protobuf;

namespace EmbedDashboard.Inference.Onnx;

/// <summary>One float initializer of an ONNX graph: its name, dims and values.</summary>
public sealed record OnnxFloatTensor(string Name, long[] Dims, float[] Data);

/// <summary>
/// Reads the float initializers of an ONNX ModelProto (field numbers as in <see cref="OnnxGraphBuilder"/>: ModelProto.graph=7,
/// GraphProto.initializer=5, TensorProto{dims=1, data_type=2, float_data=4, name=8, raw_data=9}). Enough to get the weights
/// back out of a model this app exported, so layer analysis works for encoders whose safetensors were not kept
/// (imports, fine-tuned models).
/// </summary>
public static class OnnxInitializers
{
    public static IReadOnlyDictionary<string, OnnxFloatTensor> ReadFloat(string onnxPath)
    {
        var model = new CodedInputStream(File.ReadAllBytes(onnxPath));
        var result = new Dictionary<string, OnnxFloatTensor>(StringComparer.Ordinal);
        uint tag;
        while ((tag = model.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) != 7 || WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
            {
                model.SkipLastField();
                continue;
            }

            var graph = new CodedInputStream(model.ReadBytes().ToByteArray());
            while ((tag = graph.ReadTag()) != 0)
            {
                if (WireFormat.GetTagFieldNumber(tag) == 5 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
                {
                    if (ReadTensor(graph.ReadBytes()) is { } tensor) result[tensor.Name] = tensor;
                }
                else
                {
                    graph.SkipLastField();
                }
            }
        }

        return result;
    }

    /// <summary>The tensor when it is float (data_type 1) with its values inline; null for other types or external data.</summary>
    private static OnnxFloatTensor? ReadTensor(ByteString bytes)
    {
        var t = new CodedInputStream(bytes.ToByteArray());
        var dims = new List<long>();
        var name = "";
        var type = 0;
        float[]? data = null;
        var floats = new List<float>();
        uint tag;
        while ((tag = t.ReadTag()) != 0)
        {
            var wire = WireFormat.GetTagWireType(tag);
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when wire == WireFormat.WireType.LengthDelimited:
                    var packed = new CodedInputStream(t.ReadBytes().ToByteArray());
                    while (!packed.IsAtEnd) dims.Add(packed.ReadInt64());
                    break;
                case 1:
                    dims.Add(t.ReadInt64());
                    break;
                case 2:
                    type = t.ReadInt32();
                    break;
                case 4 when wire == WireFormat.WireType.LengthDelimited:
                    floats.AddRange(MemoryMarshal.Cast<byte, float>(t.ReadBytes().Span).ToArray());
                    break;
                case 4:
                    floats.Add(t.ReadFloat());
                    break;
                case 8:
                    name = t.ReadString();
                    break;
                case 9:
                    data = MemoryMarshal.Cast<byte, float>(t.ReadBytes().Span).ToArray();
                    break;
                default:
                    t.SkipLastField();
                    break;
            }
        }

        if (type != OnnxGraphBuilder.ElemFloat) return null;
        return new OnnxFloatTensor(name, [.. dims], data ?? [.. floats]);
    }
}
