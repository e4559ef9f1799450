using System.Collections.Generic;
using System.Linq;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Recognises maps, sets and lists whose entries come from the program, not from its input: keyed by (or holding) an
/// enum, a <c>bool</c>, a <c>byte</c>, a <c>char</c>, a <see cref="System.Type"/>, a reflection member, an assembly or
/// module, a runtime handle, a metrics instrument, meter or activity source, or a tuple (also a <c>Tuple&lt;…&gt;</c> or a
/// <c>KeyValuePair</c>) of those; and maps whose
/// values are types, members or assemblies (the name-to-type resolver). Such a collection — the usual per-type
/// reflection cache — holds at most one entry per thing the program declares or loads, which a careful reader calls
/// bounded. A key struct or record of the program's own made only of such parts (a grain type and an enum, a type, a
/// method and the serializer delegate configured for them) is one too. A non-generic <c>Hashtable</c> says nothing in
/// its type, and neither does a map keyed by <c>IntPtr</c> or <c>string</c>, so every add is also judged by the key it
/// passes: a type's handle value or metadata token (<c>type.TypeHandle.Value</c>), a name, what a reflection object
/// tells (an assembly's name and version), or a tuple or key record made of such values is one entry per thing
/// the program declares. Beside a type or member, such a tuple or key may hold a member's name
/// (<see cref="MemberNameParts"/>), and a key struct counts as made of its constructor's arguments when it stores
/// nothing else (<see cref="KeyConstructors"/>).
/// </summary>
internal static class KeySpaces
{
    public static bool IsFixedByTheProgram(ITypeSymbol collectionType, CollectionKind kind)
    {
        if (collectionType is not INamedTypeSymbol { IsGenericType: true } named || named.TypeArguments.Length == 0)
        {
            return false;
        }

        return kind switch
        {
            CollectionKind.Dictionary => IsFixedKey(named.TypeArguments[0]) || (named.TypeArguments.Length == 2 && IsProgramElement(named.TypeArguments[1])),
            CollectionKind.Set => IsFixedKey(named.TypeArguments[0]),
            CollectionKind.List => IsProgramElement(named.TypeArguments[0]),
            _ => false,
        };
    }

    /// <summary>Whether the key (or item) an add passes is one the program fixes, read before its conversion to <c>object</c>.</summary>
    public static bool IsFixedKey(IOperation? key) => IsFixedValue(key, depth: 0);

    // How deep a value made in the method is read: a local initialized from a concatenation of a literal and a type's
    // name, or from an assembly's version read through its name (`name.Version?.ToString() ?? "unknown"`).
    private const int MaxValueDepth = 8;

    private static bool IsFixedValue(IOperation? key, int depth)
    {
        if (key?.WithoutConversions() is not { } value)
        {
            return false;
        }

        // A literal (or nameof) key adds one entry, the name of a type or member one per declaration, and a static
        // value of a generic type instantiated for a type parameter (TypeCache<T>.ShortName) one per type.
        if (value.ConstantValue.HasValue
            || (value.Type is { } type && IsFixedKey(type))
            || IsPerTypeStatic(value)
            || (value is IPropertyReferenceOperation { Property.Name: "Name" or "FullName" or "AssemblyQualifiedName" or "Namespace" or "MetadataToken" or "Value" } name
                && name.Property.ContainingType is { } owner
                && IsProgramElement(owner))
            || value is IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } }
            || ConfiguredValues.IsConfigured(value)
            || ConnectionStrings.IsNamedAsOne(value)
            || IsMetricStreamName(value))
        {
            return true;
        }

        if (depth >= MaxValueDepth)
        {
            return false;
        }

        // Made in the method from such parts: "queue:" + typeof(T).Name, $"{Prefix}.{nameof(X)}", a choice between
        // two literals, (from.TypeHandle.Value, to.TypeHandle.Value), new MemberKey(type, nameof(X)), a local that
        // holds one of them and is never assigned again.
        return value switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum => IsFixedValue(sum.LeftOperand, depth + 1) && IsFixedValue(sum.RightOperand, depth + 1),
            IInterpolatedStringOperation interpolated => AreFixedParts(interpolated, depth),
            IConditionalOperation { WhenFalse: { } whenFalse } choice => IsFixedValue(choice.WhenTrue, depth + 1) && IsFixedValue(whenFalse, depth + 1),
            ITupleOperation or IObjectCreationOperation or IInvocationOperation when KeyParts(value) is { } parts => AreFixedValues(parts, depth),
            ILocalReferenceOperation local => IsFixedLocal(local, depth),
            ICoalesceOperation coalesce => IsFixedValue(coalesce.Value, depth + 1) && IsFixedValue(coalesce.WhenNull, depth + 1),
            IConditionalAccessOperation access => IsFixedValue(access.Operation, depth + 1) && IsFixedValue(access.WhenNotNull, depth + 1),
            IConditionalAccessInstanceOperation => true,
            IPropertyReferenceOperation { Instance: { } instance, Property: { IsIndexer: false } property } when DescribesTheProgram(instance.Type)
                && (instance.Type is null || !IsAttribute(instance.Type) || StoresItsValue(property)) => IsFixedSource(instance, depth + 1),
            IInvocationOperation { Instance: { } instance, Arguments.Length: 0, TargetMethod.Name: "ToString" or "ToLowerInvariant" or "ToUpperInvariant" } => IsFixedSource(instance, depth + 1),
            IInvocationOperation attribute when ReadsAnAttribute(attribute) is { } element => IsFixedValue(element, depth + 1),
            _ => false,
        };
    }

    // The name of an OpenTelemetry metric stream an exporter is handed: one per instrument the code creates (and per
    // view of it), capped by the SDK's stream limit. Only its name: the SDK's own maps of Metric objects are made per
    // instrument created, disposed ones included, which is not the program's fixed set.
    private static bool IsMetricStreamName(IOperation value)
    {
        return value is IPropertyReferenceOperation { Property: { Name: "Name", ContainingType: { Name: "Metric" } metric } }
            && metric.ContainingNamespace?.ToDisplayString() == "OpenTelemetry.Metrics";
    }

    // What a fixed key is read from: a fixed value, or an assembly's name (`assembly.GetName()`, or a local holding
    // it), which is no key itself but whose parts are.
    private static bool IsFixedSource(IOperation instance, int depth)
    {
        IOperation value = instance.WithoutConversions();
        if (value is IInvocationOperation { Instance: { } assembly, Arguments.Length: 0, TargetMethod.Name: "GetName" } && DescribesTheProgram(assembly.Type))
        {
            return IsFixedValue(assembly, depth + 1);
        }

        if (value is ILocalReferenceOperation { Local.Type: { } localType } local && IsAssemblyName(localType))
        {
            return LocalWrites.Initializer(local, out BlockSyntax? block) is { } initializer
                && IsFixedSource(initializer, depth + 1)
                && !LocalWrites.IsWrittenIn(block!, local.Local.Name);
        }

        return IsFixedValue(value, depth);
    }

    // A reflection object, or an assembly's name: what it tells (its name, version, declaring type) is a function of a
    // thing the program declares or loads, the same each time it is read. An AssemblyName is no key itself (each
    // GetName() makes a new one, compared by reference), but its parts are.
    private static bool DescribesTheProgram(ITypeSymbol? type)
    {
        return type is not null && (IsProgramElement(type) || IsAssemblyName(type) || IsAttribute(type));
    }

    // `type.GetCustomAttribute<ExtensionAttribute>()`, `Attribute.GetCustomAttribute(member, typeof(X))`: the attribute
    // a reflection object carries, whose values are the constants written where it is applied. The element read.
    private static IOperation? ReadsAnAttribute(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod is not { Name: "GetCustomAttribute" } method
            || method.ReturnType is not { } returned || !IsAttribute(returned)
            || method.ContainingType?.ContainingNamespace?.ToDisplayString() is not ("System" or "System.Reflection"))
        {
            return null;
        }

        IOperation? element = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        return element is not null && element.WithoutConversions().Type is { } elementType && IsProgramElement(elementType) ? element : null;
    }

    // An attribute's property is the constant written where the attribute is applied when it returns what was stored (an
    // auto-property, or a getter that returns a field); a getter that computes (`Name => Guid.NewGuid().ToString()`) makes
    // a new value at every read. Properties of attributes in metadata are taken as stored.
    private static bool StoresItsValue(IPropertySymbol property)
    {
        foreach (SyntaxReference reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not PropertyDeclarationSyntax declaration)
            {
                return false;
            }

            ExpressionSyntax? returned = declaration.ExpressionBody?.Expression;
            if (declaration.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)) is { } getter
                && (getter.Body is not null || getter.ExpressionBody is not null))
            {
                returned = getter.ExpressionBody?.Expression
                    ?? (getter.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } expression } ? expression : null);
                if (returned is null)
                {
                    return false;
                }
            }

            if (returned is not (null or IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAttribute(ITypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Attribute" && current.ContainingNamespace?.ToDisplayString() == "System")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAssemblyName(ITypeSymbol type)
    {
        return type.Name == "AssemblyName" && type.ContainingNamespace?.ToDisplayString() == "System.Reflection";
    }

    // The elements of a tuple or the arguments of a key struct's constructor, at least one: each a fixed value, or a
    // member's name beside a type or member (MemberNameParts).
    private static bool AreFixedValues(IEnumerable<IOperation> parts, int depth)
    {
        bool any = false;
        bool describesAMember = false;
        bool namesAMember = false;
        foreach (IOperation part in parts)
        {
            if (IsFixedValue(part, depth + 1))
            {
                any = true;
                describesAMember |= MemberNameParts.VariesOverMembers(part);
            }
            else if (MemberNameParts.NamesAMember(part))
            {
                namesAMember = true;
            }
            else
            {
                return false;
            }
        }

        return any && (!namesAMember || describesAMember);
    }

    // The parts a key made in place is made of: a tuple's elements, or the arguments of a positional record of the
    // program (`new MemberKey(type, name)`), whose fields are its primary constructor's parameters and nothing else, or
    // of a key struct or record whose constructors store only what they are given (KeyConstructors). Other
    // constructors may compute more (the time, the culture), so their arguments do not say what the key holds.
    private static IEnumerable<IOperation>? KeyParts(IOperation value)
    {
        switch (value)
        {
            case ITupleOperation tuple:
                return tuple.Elements;
            // Only a body that builds the key in place: a helper that hands on to another call (itself, half-written)
            // would be read without end.
            case IInvocationOperation invocation when KeyHelperBody(invocation) is (ITupleOperation or IObjectCreationOperation) and { } body && KeyParts(body) is { } helperParts:
                return ArgumentsFor(helperParts, invocation);
            case IObjectCreationOperation { Initializer: null, Constructor: { } constructor, Type: INamedTypeSymbol created } creation
                when IsKeyTypeOfTheProgram(created)
                    && ((created.IsRecord && constructor.Parameters.Length == InstanceFields(created).Count()) || KeyConstructors.StoreOnlyTheirArguments(created)):
                return ArgumentValues(creation.Arguments);
            default:
                return null;
        }
    }

    // `GetKey<TResult>(fieldName, type)` where `static FetcherKey GetKey<TResult>(string name, Type type) => new
    // FetcherKey(type, typeof(TResult), name)`: a method of the program, in the same file, that nothing can override,
    // whose body is one expression (or one return) building a tuple or a key struct. Its key is what that expression
    // makes of the call's arguments.
    private static IOperation? KeyHelperBody(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod.OriginalDefinition;
        if (method.MethodKind != MethodKind.Ordinary
            || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern
            || !(method.ReturnType is INamedTypeSymbol { IsTupleType: true } || IsKeyTypeOfTheProgram(method.ReturnType))
            || method.DeclaringSyntaxReferences.Length != 1
            || invocation.SemanticModel is not { } model)
        {
            return null;
        }

        SyntaxNode declaration = method.DeclaringSyntaxReferences[0].GetSyntax();
        if (declaration.SyntaxTree != model.SyntaxTree || declaration is not MethodDeclarationSyntax syntax)
        {
            return null;
        }

        ExpressionSyntax? returned = syntax switch
        {
            { ExpressionBody.Expression: { } expression } => expression,
            { Body.Statements: { Count: 1 } statements } when statements[0] is ReturnStatementSyntax { Expression: { } expression } => expression,
            _ => null,
        };
        return returned is null ? null : model.GetOperation(returned)?.WithoutConversions();
    }

    // The helper's parts with each of its parameters replaced by what the call passes to it.
    private static IEnumerable<IOperation>? ArgumentsFor(IEnumerable<IOperation> helperParts, IInvocationOperation invocation)
    {
        var parts = new List<IOperation>();
        foreach (IOperation part in helperParts)
        {
            if (part.WithoutConversions() is IParameterReferenceOperation { Parameter: var parameter }
                && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, invocation.TargetMethod.OriginalDefinition))
            {
                IArgumentOperation? passed = null;
                foreach (IArgumentOperation argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == parameter.Ordinal)
                    {
                        passed = argument;
                    }
                }

                if (passed is null || parameter.RefKind != RefKind.None || parameter.IsParams)
                {
                    return null;
                }

                parts.Add(passed.Value);
            }
            else
            {
                parts.Add(part);
            }
        }

        return parts;
    }

    private static IEnumerable<IOperation> ArgumentValues(IEnumerable<IArgumentOperation> arguments)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            yield return argument.Value;
        }
    }

    private static bool AreFixedParts(IInterpolatedStringOperation interpolated, int depth)
    {
        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
        {
            if (part is IInterpolationOperation { Expression: var expression } && !IsFixedValue(expression, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    // A local declared with a fixed value and never assigned again in its block (no assignment, ref, out or ++ of it).
    private static bool IsFixedLocal(ILocalReferenceOperation reference, int depth)
    {
        return LocalWrites.Initializer(reference, out BlockSyntax? block) is { } initializer
            && IsFixedValue(initializer, depth + 1)
            && !LocalWrites.IsWrittenIn(block!, reference.Local.Name);
    }

    /// <summary>
    /// The parameters of <paramref name="method"/> an add's key is made of, when it is made of nothing else: the
    /// parameter itself, a tuple (or a positional record of the program made with <c>new</c>) of parameters and fixed parts
    /// (<c>(settingsType, propertyName)</c>, <c>new FetcherKey(type, methodName)</c>), or a string made of them. Whether the
    /// key is the program's then depends on what every caller passes (<see cref="KeyArguments"/>).
    /// </summary>
    public static IParameterSymbol[]? KeyParameters(IOperation? key, ISymbol method)
    {
        IOperation? value = key?.WithoutConversions();
        if (value is IParameterReferenceOperation parameter)
        {
            return IsParameterOf(parameter.Parameter, method) ? new[] { parameter.Parameter.OriginalDefinition } : null;
        }

        IEnumerable<IOperation>? parts = value is null ? null : KeyParts(value);
        var parameters = new List<IParameterSymbol>();
        if (parts is null)
        {
            // A string made in the method of fixed parts and the method's parameters: `$"{model.GetType().FullName}.{kind}"`,
            // `type.Name + ":" + id`, a local holding one. One entry per value the callers pass, as a tuple of them is.
            return value is { Type.SpecialType: SpecialType.System_String } && StringKeyParameters(value, method, parameters, depth: 0) && parameters.Count > 0
                ? parameters.ToArray()
                : null;
        }

        foreach (IOperation element in parts)
        {
            if (IsFixedKey(element))
            {
                continue;
            }

            if (element.WithoutConversions() is IParameterReferenceOperation part && IsParameterOf(part.Parameter, method))
            {
                parameters.Add(part.Parameter.OriginalDefinition);
            }
            else
            {
                return null;
            }
        }

        return parameters.Count > 0 ? parameters.ToArray() : null;
    }

    // The parts of a string key made in the method: each a fixed value or a parameter of the method (collected), joined by
    // concatenation or interpolation, or a local initialized with such a string and never assigned again.
    private static bool StringKeyParameters(IOperation value, ISymbol method, List<IParameterSymbol> parameters, int depth)
    {
        value = value.WithoutConversions();
        if (IsFixedKey(value))
        {
            return true;
        }

        if (value is IParameterReferenceOperation parameter)
        {
            if (!IsParameterOf(parameter.Parameter, method))
            {
                return false;
            }

            parameters.Add(parameter.Parameter.OriginalDefinition);
            return true;
        }

        if (depth >= MaxValueDepth)
        {
            return false;
        }

        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum:
                return StringKeyParameters(sum.LeftOperand, method, parameters, depth + 1) && StringKeyParameters(sum.RightOperand, method, parameters, depth + 1);
            case IInterpolatedStringOperation interpolated:
                foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation { Expression: var expression } && !StringKeyParameters(expression, method, parameters, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case ILocalReferenceOperation local:
                return LocalWrites.Initializer(local, out BlockSyntax? block) is { } initializer
                    && !LocalWrites.IsWrittenIn(block!, local.Local.Name)
                    && StringKeyParameters(initializer, method, parameters, depth + 1);
            default:
                return false;
        }
    }

    private static bool IsParameterOf(IParameterSymbol parameter, ISymbol method)
    {
        return method is IMethodSymbol { MethodKind: MethodKind.Ordinary }
            && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, method.OriginalDefinition);
    }

    // How deep keys made of parts are read (a key struct in a tuple, a tuple in a key struct): enough for real keys,
    // and a bound on the walk, which runs for the key of every add.
    private const int MaxPartDepth = 2;

    private static bool IsFixedKey(ITypeSymbol key) => IsFixedKey(key, depth: 0);

    // A read-only static of a generic type whose type arguments are type parameters: one value per type the generic
    // code is instantiated with.
    private static bool IsPerTypeStatic(IOperation value)
    {
        ISymbol? member = value switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field } => field,
            IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: null } property } => property,
            _ => null,
        };
        if (member?.ContainingType is not { IsGenericType: true } generic)
        {
            return false;
        }

        foreach (ITypeSymbol argument in generic.TypeArguments)
        {
            if (argument.TypeKind != TypeKind.TypeParameter)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFixedKey(ITypeSymbol key, int depth)
    {
        if (key.TypeKind == TypeKind.Enum
            || key.SpecialType is SpecialType.System_Boolean or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Char)
        {
            return true;
        }

        if (key is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return depth < MaxPartDepth && ArePartsFixed(PartTypes(tuple.TupleElements), depth);
        }

        if (key is INamedTypeSymbol { IsGenericType: true } composite && IsCompositeKeyType(composite))
        {
            return depth < MaxPartDepth && ArePartsFixed(composite.TypeArguments, depth);
        }

        return IsProgramElement(key) || NamesAType(key) || IsClosedSet(key) || (depth < MaxPartDepth && IsKeyTypeOfTheProgram(key) && ArePartsFixed(PartTypes(InstanceFields(key)), depth));
    }

    // The parts of a tuple, or of a struct or record the program declares: each a fixed key or a delegate (a configured
    // callback, one per configuration), with at least one fixed key among them. One entry per combination of things the
    // program declares.
    private static bool ArePartsFixed(IEnumerable<ITypeSymbol> parts, int depth)
    {
        bool anyFixed = false;
        foreach (ITypeSymbol part in parts)
        {
            if (part.TypeKind == TypeKind.Delegate)
            {
                continue;
            }

            if (!IsFixedKey(part, depth + 1))
            {
                return false;
            }

            anyFixed = true;
        }

        return anyFixed;
    }

    private static IEnumerable<ITypeSymbol> PartTypes(IEnumerable<IFieldSymbol> fields)
    {
        foreach (IFieldSymbol field in fields)
        {
            yield return field.Type;
        }
    }

    // The composite keys of the base library written as types rather than tuple syntax: Tuple<MemberInfo, Type>, a
    // KeyValuePair of a type and an enum. Their parts are their type arguments.
    private static bool IsCompositeKeyType(INamedTypeSymbol key)
    {
        string? expectedNamespace = key.Name switch
        {
            "Tuple" => "System",
            "KeyValuePair" => "System.Collections.Generic",
            _ => null,
        };
        return expectedNamespace is not null && key.ContainingNamespace?.ToDisplayString() == expectedNamespace;
    }

    private static bool IsKeyTypeOfTheProgram(ITypeSymbol key)
    {
        return (key.TypeKind == TypeKind.Struct || key.IsRecord) && key.Locations.Length > 0 && key.Locations[0].IsInSource;
    }

    // A record's equality also compares the fields of the records it derives from (a base record's time stamp).
    private static IEnumerable<IFieldSymbol> InstanceFields(ITypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType is { IsRecord: true } baseRecord ? baseRecord : null)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false, IsConst: false } field)
                {
                    yield return field;
                }
            }
        }
    }

    // A program's own key type that says it stands for a type: Orleans' GrainType and GrainInterfaceType, AutoMapper's
    // TypePair. Such keys are made from the types the program declares, one per type, as a Type key is, when they
    // compare by value: a class keyed by reference (a TypeDetails made anew for each configuration) is one entry per
    // object made, however few types there are.
    private static bool NamesAType(ITypeSymbol key)
    {
        if (key.SpecialType != SpecialType.None || key.TypeKind is not (TypeKind.Struct or TypeKind.Class))
        {
            return false;
        }

        // The name first: it runs for the key of every add, and few names qualify for the walk of Equals overrides.
        string name = key.Name;
        const string Word = "Type";
        return name.Length > Word.Length
            && ((name.EndsWith(Word, System.StringComparison.Ordinal) && !char.IsUpper(name[name.Length - Word.Length - 1]))
                || (name.StartsWith(Word, System.StringComparison.Ordinal) && char.IsUpper(name[Word.Length])))
            && ComparesByValue(key);
    }

    // A struct or record, or a class that overrides Equals or is equatable to itself.
    private static bool ComparesByValue(ITypeSymbol key)
    {
        if (key.TypeKind == TypeKind.Struct || key.IsRecord)
        {
            return true;
        }

        for (ITypeSymbol? current = key; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers("Equals"))
            {
                if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 1 })
                {
                    return true;
                }
            }
        }

        foreach (INamedTypeSymbol implemented in key.AllInterfaces)
        {
            if (implemented.Name == "IEquatable" && implemented.TypeArguments.Length == 1 && SymbolEqualityComparer.Default.Equals(implemented.TypeArguments[0], key))
            {
                return true;
            }
        }

        return false;
    }

    // Types, members, assemblies and the like: one per declaration the program has or loads.
    // A class whose constructors are all private and which holds its instances in static read-only fields or
    // auto-properties of its own type (`public static readonly DispatchOptions Publish = new(…)`): an enumeration
    // written as a class, whose values the program declares. Not when a method, an `out` parameter or a conversion
    // hands out its type, or a computed static property does: those may make instances on demand.
    private static bool IsClosedSet(ITypeSymbol key)
    {
        if (key.SpecialType != SpecialType.None || key is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } named || named.InstanceConstructors.Length == 0)
        {
            return false;
        }

        foreach (IMethodSymbol constructor in named.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Private || constructor.IsImplicitlyDeclared)
            {
                return false;
            }
        }

        bool holdsItsValues = false;
        int autoProperties = 0, properties = 0;
        foreach (ISymbol member in named.GetMembers())
        {
            switch (member)
            {
                case IMethodSymbol method when HandsOut(method, named):
                    return false;
                case IPropertySymbol property when SymbolEqualityComparer.Default.Equals(property.Type, named):
                    properties++;
                    break;
                case IFieldSymbol { IsStatic: true, IsReadOnly: true } field when SymbolEqualityComparer.Default.Equals(field.Type, named):
                    // A static read-only field, or the backing field of a get-only static auto-property.
                    holdsItsValues = true;
                    autoProperties += field.AssociatedSymbol is IPropertySymbol ? 1 : 0;
                    break;
                case IFieldSymbol { AssociatedSymbol: IPropertySymbol } backing when SymbolEqualityComparer.Default.Equals(backing.Type, named):
                    autoProperties++;
                    break;
            }
        }

        // Every property of the type is an auto-property: a computed one may make an instance on each read.
        return holdsItsValues && properties == autoProperties;
    }

    // A method, property accessor or conversion that returns the type, or fills an `out` or `ref` parameter of it.
    private static bool HandsOut(IMethodSymbol method, INamedTypeSymbol type)
    {
        // Constructors are checked on their own; accessors with their property.
        if (method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.PropertyGet or MethodKind.PropertySet)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ReturnType, type))
        {
            return true;
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Out or RefKind.Ref && SymbolEqualityComparer.Default.Equals(parameter.Type, type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsProgramElement(ITypeSymbol type)
    {
        // Called for the key of every add to a map or set: the name is compared first, the namespace (a string built
        // from the symbol) only for the few names that can match.
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            string? expectedNamespace = current.Name switch
            {
                "Type" or "RuntimeTypeHandle" or "RuntimeMethodHandle" or "RuntimeFieldHandle" => "System",
                "MemberInfo" or "Assembly" or "Module" or "ParameterInfo" or "ICustomAttributeProvider" => "System.Reflection",
                "Instrument" or "Meter" => "System.Diagnostics.Metrics",
                "ActivitySource" or "DiagnosticListener" => "System.Diagnostics",
                _ => null,
            };
            if (expectedNamespace is not null && current.ContainingNamespace?.ToDisplayString() == expectedNamespace)
            {
                return true;
            }
        }

        return false;
    }
}
