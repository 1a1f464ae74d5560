using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using ReportGen.Tests.TestSupport;

namespace ReportGen.Tests.Architecture;

/// <summary>
/// The dependency rule of docs/architecture.md: each folder (namespace) of the library uses only the folders
/// listed for it, so the stages read Input → Analysis → Rendering → Output and no two namespaces depend on each
/// other. Checked twice: on the compiled assembly (every type a signature or a method body names) and on the
/// sources (every <c>using ReportGen.…</c> and qualified name, including ones the compiler drops as unused).
/// </summary>
public sealed partial class LayerTests
{
    /// <summary>The root namespace: the generate job, its request and result, and <see cref="JobFailure"/>.</summary>
    private const string Root = "ReportGen";

    /// <summary>What each namespace may use besides itself (ReportGen.Analysis.Indicators counts as Analysis).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Model"] = [],
        ["Parsing"] = ["Model"],
        ["Files"] = ["Model", "Parsing"],
        ["Output"] = ["Model", "Parsing", "Files"],
        ["Input"] = ["Model", "Parsing", "Files"],
        ["Analysis"] = ["Model", "Parsing"],
        ["Rendering"] = ["Model", "Parsing", "Files", "Analysis", "Output"],
        ["Import"] = ["Model", "Parsing", "Files", "Input", "Output"],
        [Root] = ["Model", "Parsing", "Files", "Input", "Analysis", "Rendering", "Output"],
        ["Batch"] = ["Model", "Parsing", "Files", "Input", "Analysis", "Rendering", "Output", Root],
    };

    [Fact]
    public void The_rule_has_no_cycle()
    {
        // Depth-first over the allowed edges: a namespace reachable from itself would be a cycle.
        foreach (var start in Allowed.Keys)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>(Allowed[start]);
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                Assert.NotEqual(start, next);
                if (seen.Add(next))
                {
                    foreach (var further in Allowed[next])
                    {
                        stack.Push(further);
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_namespace_of_the_library_has_a_place_in_the_rule()
    {
        var namespaces = Library.GetTypes().Select(type => Layer(type.Namespace)).OfType<string>().ToHashSet();
        Assert.Equal(Allowed.Keys.Order(), namespaces.Order());
    }

    [Fact]
    public void Compiled_types_use_only_the_namespaces_their_own_may_use()
    {
        var violations = new SortedSet<string>();
        foreach (var type in Library.GetTypes())
        {
            if (Layer(type.Namespace) is not { } from)
            {
                continue;
            }

            foreach (var used in Used(type))
            {
                if (Layer(used.Namespace) is { } to && to != from && !Allowed[from].Contains(to))
                {
                    violations.Add($"{from} → {to}: {type.FullName} uses {used.FullName}");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Source_files_name_only_the_namespaces_their_own_may_use()
    {
        var violations = new List<string>();
        var files = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src", "ReportGen"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var violation = SourceViolations(File.ReadAllText(file)).FirstOrDefault();
            if (violation is not null)
            {
                violations.Add($"{Path.GetRelativePath(Repo.Root, file)}: {violation}");
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>
    /// The workbench (ReportGen.Cli.Serve, docs/serve.md) is reached only through <c>serve</c> (ServeCommand, and
    /// Program for the Windows double-click), and it alone uses ASP.NET Core: no other command depends on the web
    /// server, and the library knows nothing of it.
    /// </summary>
    [Fact]
    public void Only_the_serve_command_reaches_the_workbench_and_only_the_workbench_uses_ASP_NET_Core()
    {
        const string Serve = "ReportGen.Cli.Serve";
        var cli = typeof(ReportGen.Cli.Program).Assembly;
        var entries = new[] { typeof(ReportGen.Cli.ServeCommand), typeof(ReportGen.Cli.Program) };
        var violations = new SortedSet<string>();
        foreach (var type in cli.GetTypes())
        {
            var outer = type;
            while (outer.DeclaringType is { } declaring)
            {
                outer = declaring;
            }

            if (outer.Namespace == Serve)
            {
                continue;
            }

            foreach (var used in Used(type))
            {
                var aspNet = used.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;
                if (aspNet || (used.Namespace == Serve && !entries.Contains(outer)))
                {
                    violations.Add($"{type.FullName} uses {used.FullName}");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.DoesNotContain(Library.GetReferencedAssemblies(), name => name.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains(cli.GetTypes(), type => type.Namespace == Serve && Used(type).Any(used => used.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true));
    }

    [Theory]
    [InlineData("namespace ReportGen.Analysis;\nusing ReportGen.Input;\n", "Analysis → Input")]
    [InlineData("using ReportGen.Batch;\nnamespace ReportGen.Rendering;\n", "Rendering → Batch")]
    [InlineData("namespace ReportGen.Model;\nclass A { object B => ReportGen.Output.AtomicFile.TargetOf(\"x\"); }\n", "Model → Output")]
    [InlineData("namespace ReportGen.Analysis;\nusing static ReportGen.Rendering.TemplateRenderer;\n", "Analysis → Rendering")]
    [InlineData("namespace ReportGen.Input;\nusing Guard = ReportGen.GenerateJob;\n", "Input → ReportGen")]
    [InlineData("namespace ReportGen.Output;\nclass A { void B() => Input.CellText.Of(null); }\n", "Output → Input")]
    [InlineData("namespace ReportGen.Parsing;\nusing ReportGen.Input;\n", "Parsing → Input")]
    [InlineData("namespace ReportGen.Model;\nclass A { object B => Parsing.DateParser.Year(\"2023\"); }\n", "Model → Parsing")]
    public void A_forbidden_using_or_qualified_name_is_reported(string source, string expected)
    {
        Assert.StartsWith(expected, Assert.Single(SourceViolations(source)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("namespace ReportGen.Rendering;\nusing ReportGen.Analysis;\nusing ReportGen.Model;\n")]
    [InlineData("namespace ReportGen.Analysis.Indicators;\nusing ReportGen.Model;\nusing ReportGen.Parsing;\n")]
    [InlineData("namespace ReportGen.Analysis;\n/// uses <see cref=\"ReportGen.Input.AmountParser\"/> in a comment only\n// using ReportGen.Input;\nclass A { string B = \"ReportGen.Batch.X\"; }\n")]
    public void An_allowed_using_comments_and_strings_are_not_reported(string source)
    {
        Assert.Empty(SourceViolations(source));
    }

    private static Assembly Library => typeof(GenerateJob).Assembly;

    /// <summary>"ReportGen" → ReportGen, "ReportGen.Analysis.Indicators" → Analysis; null outside the library.</summary>
    private static string? Layer(string? ns) =>
        ns == Root ? Root
        : ns is not null && ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0]
        : null;

    private static IEnumerable<string> SourceViolations(string source)
    {
        var code = CommentsAndStrings().Replace(source, " ");
        if (Layer(NamespaceDeclaration().Match(code).Groups[1].Value) is not { } from)
        {
            yield break;
        }

        var named = QualifiedName().Matches(code).Select(m => m.Value)
            .Concat(PartlyQualifiedName().Matches(code).Select(m => $"{Root}.{m.Value}"));
        foreach (var name in named)
        {
            // ReportGen.Output.AtomicFile names Output; ReportGen.GenerateJob names the root namespace.
            var second = name.Split('.')[1];
            var to = Allowed.ContainsKey(second) ? second : Root;
            if (to != from && !Allowed[from].Contains(to))
            {
                yield return $"{from} → {to} ({name})";
            }
        }
    }

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@?\$?""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    /// <summary>A name of the library written in full: in a using directive, an alias or a qualified name.</summary>
    [GeneratedRegex(@"(?<![\w.])ReportGen(\.[A-Z]\w*)+")]
    private static partial Regex QualifiedName();

    /// <summary>
    /// A sibling namespace named from inside the library without its root, as <c>Output.AtomicFile</c> in
    /// namespace ReportGen.Batch.
    /// </summary>
    [GeneratedRegex(@"(?<![\w.])(Model|Parsing|Files|Input|Analysis|Rendering|Output|Import|Batch)\.[A-Z]\w*")]
    private static partial Regex PartlyQualifiedName();

    /// <summary>Every type a type names: base, interfaces, member signatures, and what its method bodies use.</summary>
    private static IEnumerable<Type> Used(Type type)
    {
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        named.AddRange(type.GetFields(all).Select(field => field.FieldType));
        named.AddRange(type.GetProperties(all).Select(property => property.PropertyType));
        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)).ToList();
        foreach (var method in methods)
        {
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
            }

            named.AddRange(method.GetParameters().Select(parameter => parameter.ParameterType));
            named.AddRange(method.GetMethodBody()?.LocalVariables.Select(local => local.LocalType) ?? []);
            named.AddRange(BodyReferences(method));
        }

        return named.OfType<Type>().SelectMany(Expand).Distinct();
    }

    /// <summary>A type with its element type and generic arguments, recursively.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var inner in Expand(element))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().Where(argument => !argument.IsGenericParameter).SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>The types a method body refers to through its tokens (calls, fields, new objects, casts, typeof).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            position += il[position] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                var token = BitConverter.ToInt32(il, position);
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                }

                switch (member)
                {
                    case Type referenced:
                        yield return referenced;
                        break;
                    case MethodInfo called:
                        yield return called.DeclaringType!;
                        yield return called.ReturnType;
                        foreach (var argument in called.IsGenericMethod ? called.GetGenericArguments() : [])
                        {
                            yield return argument;
                        }

                        break;
                    case { DeclaringType: { } owner }:
                        yield return owner;
                        break;
                }
            }

            position += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
                _ => 4,
            };
        }
    }
}
