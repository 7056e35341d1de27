import CLibXML2
import SOAPLintModel

/// Read-only helpers over a libxml2 tree, shared by the SOAP XML and C-CDA readers.
///
/// Text is collected by walking text and CDATA nodes, never with `xmlNodeGetContent`, which
/// expands entity references. Nothing here allocates C memory that needs freeing.
enum XMLTree {
    /// The local name of an element (`section` for `hl7:section`).
    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The namespace URI of an element, nil when it has none.
    static func namespace(_ node: xmlNodePtr) -> String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// The element children of `node`, in order.
    static func elements(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// The first element child named `name`.
    static func child(_ node: xmlNodePtr, _ name: String) -> xmlNodePtr? {
        elements(node).first { self.name($0) == name }
    }

    /// The element at the end of a path of child names.
    static func path(_ node: xmlNodePtr, _ names: [String]) -> xmlNodePtr? {
        var current: xmlNodePtr? = node
        for name in names { current = current.flatMap { child($0, name) } }
        return current
    }

    /// Every descendant element of `node` (not `node` itself) named `name`, in document order.
    static func descendants(_ node: xmlNodePtr, named name: String) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        for child in elements(node) {
            if self.name(child) == name { result.append(child) }
            result += descendants(child, named: name)
        }
        return result
    }

    /// The attributes of an element, by local name; values are the attribute's text as written,
    /// with character references resolved and no entity expanded.
    static func attributes(_ node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let key = current.pointee.name.map { String(cString: $0) } ?? ""
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
                    value += String(cString: content)
                }
                child = text.pointee.next
            }
            result[key] = value
            attribute = current.pointee.next
        }
        return result
    }

    /// The text of an element's text and CDATA descendants, in document order.
    static func text(_ node: xmlNodePtr) -> String {
        var result = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { result += String(cString: content) }
            case XML_ELEMENT_NODE:
                result += text(current)
            default:
                break
            }
            child = current.pointee.next
        }
        return result
    }

    /// The 1-based line of a node.
    static func line(_ node: xmlNodePtr) -> Int { max(1, Int(xmlGetLineNo(node))) }

    /// `soaplint-disable` / `enable` / `disable-next-line` comments anywhere below `node`.
    static func suppressions(in node: xmlNodePtr) -> [Suppression] {
        var result: [Suppression] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_COMMENT_NODE {
                result += suppression(ofComment: current)
            } else if current.pointee.type == XML_ELEMENT_NODE {
                result += suppressions(in: current)
            }
            child = current.pointee.next
        }
        return result
    }
}

extension XMLTree {
    /// The suppression a comment node holds, if any.
    static func suppression(ofComment node: xmlNodePtr) -> [Suppression] {
        guard node.pointee.type == XML_COMMENT_NODE, let content = node.pointee.content else { return [] }
        return SuppressionScanner.suppression(in: "<!--" + String(cString: content) + "-->", number: line(node)).map {
            [$0.0]
        } ?? []
    }
}
