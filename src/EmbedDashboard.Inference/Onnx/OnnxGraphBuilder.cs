using System.Runtime.InteropServices;

namespace EmbedDashboard.Inference.Onnx;

/// <summary>
/// Assembles an ONNX ModelProto: nodes, float/int64 initializers, typed inputs and outputs.
/// Field numbers follow onnx/onnx.proto (Apache-2.0): ModelProto{ir_version=1, producer_name=2,
/// graph=7, opset_import=8}, GraphProto{node=1, name=2, initializer=5, input=11, output=12},
/// NodeProto{input=1, output=2, name=3, op_type=4, attribute=5}, AttributeProto{name=1, f=2, i=3,
/// ints=8, type=20}, TensorProto{dims=1, data_type=2, name=8, raw_data=9}, ValueInfoProto{name=1,
/// type=2}, TypeProto{tensor_type=1}, TypeProto.Tensor{elem_type=1, shape=2},
/// TensorShapeProto{dim=1}, Dimension{dim_value=1, dim_param=2}, OperatorSetIdProto{domain=1, version=2}.
/// </summary>
public sealed class OnnxGraphBuilder(string graphName)
{
    public const int ElemFloat = 1;
    public const int ElemUInt8 = 2;
    public const int ElemInt8 = 3;
    public const int ElemInt64 = 7;
    private const int AttrFloat = 1;
    private const int AttrInt = 2;
    private const int AttrInts = 7;

    private readonly List<byte[]> _nodes = [];
    private readonly List<byte[]> _initializers = [];
    private readonly List<byte[]> _inputs = [];
    private readonly List<byte[]> _outputs = [];
    private readonly HashSet<string> _domains = [];
    private int _counter;

    /// <summary>A fresh tensor name with a readable prefix.</summary>
    public string Name(string prefix) => $"{prefix}_{_counter++}";

    public void Input(string name, int elemType, params object[] dims) => _inputs.Add(ValueInfo(name, elemType, dims));

    public void Output(string name, int elemType, params object[] dims) => _outputs.Add(ValueInfo(name, elemType, dims));

    public string FloatTensor(string name, float[] data, params long[] dims)
    {
        _initializers.Add(Tensor(name, ElemFloat, MemoryMarshal.AsBytes(data.AsSpan()).ToArray(), dims));
        return name;
    }

    public string Int64Tensor(string name, long[] data, params long[] dims)
    {
        _initializers.Add(Tensor(name, ElemInt64, MemoryMarshal.AsBytes(data.AsSpan()).ToArray(), dims));
        return name;
    }

    public string UInt8Tensor(string name, byte[] data, params long[] dims)
    {
        _initializers.Add(Tensor(name, ElemUInt8, data, dims));
        return name;
    }

    public string Int8Tensor(string name, sbyte[] data, params long[] dims)
    {
        _initializers.Add(Tensor(name, ElemInt8, MemoryMarshal.AsBytes(data.AsSpan()).ToArray(), dims));
        return name;
    }

    public string Scalar(string name, float value) => FloatTensor(name, [value]);

    /// <summary>Adds a node with several outputs (e.g. DynamicQuantizeLinear's value, scale and zero point); returns their names.</summary>
    public string[] MultiOutputNode(string opType, string[] inputs, int outputs)
    {
        var names = Enumerable.Range(0, outputs).Select(i => Name($"{opType.ToLowerInvariant()}_out{i}")).ToArray();
        AddNode(opType, inputs, names, []);
        return names;
    }

    /// <summary>Adds a node; attribute values may be long, float or long[].</summary>
    public string Node(string opType, string[] inputs, string? output = null, params (string Name, object Value)[] attributes)
    {
        output ??= Name(opType.ToLowerInvariant());
        AddNode(opType, inputs, [output], attributes);
        return output;
    }

    /// <summary>A node with several outputs and attributes (e.g. Split).</summary>
    public string[] MultiOutputNodeWithAttr(string opType, string[] inputs, int outputs, params (string Name, object Value)[] attributes)
    {
        var names = Enumerable.Range(0, outputs).Select(i => Name($"{opType.ToLowerInvariant()}_out{i}")).ToArray();
        AddNode(opType, inputs, names, attributes);
        return names;
    }

    /// <summary>A node of another operator domain (e.g. ONNX Runtime's "com.microsoft"), imported at version 1.</summary>
    public string DomainNode(string domain, string opType, string[] inputs, params (string Name, object Value)[] attributes)
    {
        var output = Name(opType.ToLowerInvariant());
        _domains.Add(domain);
        AddNode(opType, inputs, [output], attributes, domain);
        return output;
    }

    private void AddNode(string opType, string[] inputs, string[] outputs, (string Name, object Value)[] attributes, string? domain = null)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        foreach (var output in outputs)
        {
            node.String(2, output);
        }

        node.String(3, Name("n_" + opType)).String(4, opType);
        if (domain is not null) node.String(7, domain);
        foreach (var (attrName, value) in attributes)
        {
            var attr = new ProtoWriter().String(1, attrName);
            switch (value)
            {
                case long l:
                    attr.Int64(3, l).Int64(20, AttrInt);
                    break;
                case int i:
                    attr.Int64(3, i).Int64(20, AttrInt);
                    break;
                case float f:
                    attr.Float(2, f).Int64(20, AttrFloat);
                    break;
                case long[] ints:
                    foreach (var v in ints)
                    {
                        attr.Int64(8, v);
                    }

                    attr.Int64(20, AttrInts);
                    break;
                default:
                    throw new ArgumentException($"Unsupported attribute type {value.GetType()} for {attrName}.");
            }

            node.Message(5, attr);
        }

        _nodes.Add(node.ToArray());
    }

    public byte[] Build(int opset, string producer)
    {
        var graph = new ProtoWriter();
        foreach (var n in _nodes) graph.Bytes(1, n);
        graph.String(2, graphName);
        foreach (var t in _initializers) graph.Bytes(5, t);
        foreach (var i in _inputs) graph.Bytes(11, i);
        foreach (var o in _outputs) graph.Bytes(12, o);

        var model = new ProtoWriter()
            .Int64(1, 8) // IR version 8 (ONNX 1.10+), supported by every current ONNX Runtime
            .String(2, producer)
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, "").Int64(2, opset));
        foreach (var domain in _domains) model.Message(8, new ProtoWriter().String(1, domain).Int64(2, 1));
        return model.ToArray();
    }

    private static byte[] Tensor(string name, int elemType, byte[] raw, long[] dims) =>
        new ProtoWriter().PackedInt64(1, dims).Int64(2, elemType).String(8, name).Bytes(9, raw).ToArray();

    private static byte[] ValueInfo(string name, int elemType, object[] dims)
    {
        var shape = new ProtoWriter();
        foreach (var d in dims)
        {
            var dim = d is string param ? new ProtoWriter().String(2, param) : new ProtoWriter().Int64(1, Convert.ToInt64(d, System.Globalization.CultureInfo.InvariantCulture));
            shape.Message(1, dim);
        }

        var tensorType = new ProtoWriter().Int64(1, elemType).Message(2, shape);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType)).ToArray();
    }
}
