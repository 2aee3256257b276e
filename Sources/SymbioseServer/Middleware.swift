import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SymbioseCore

/// Headers on every answer: a content security policy with no inline script and no framing,
/// no MIME sniffing, no referrer (invitation links hold a token).
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    static var frameOptions: HTTPField.Name { HTTPField.Name("X-Frame-Options")! }
    static var referrerPolicy: HTTPField.Name { HTTPField.Name("Referrer-Policy")! }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "no-referrer"
        return response
    }
}

/// One structured line per request: method, path with tokens masked, status, duration. No
/// address, no query, no body, no cookie: nothing that names a person.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            log(request, context: context, status: status, since: start)
            return response
        } catch let error as HTTPError {
            log(request, context: context, status: Int(error.status.code), since: start)
            throw error
        } catch {
            log(request, context: context, status: 500, since: start)
            throw error
        }
    }

    func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(Self.masked(request.uri.path))",
                "status": "\(status)", "ms": "\(Int(milliseconds.rounded()))",
            ])
    }

    /// The path with an invitation token replaced by `…`.
    static func masked(_ path: String) -> String {
        path.hasPrefix("/i/") ? "/i/…" : path
    }
}

/// Errors as short pages or JSON, never with internals: an unexpected error is logged and
/// answered 500 with a generic message.
struct ErrorPages<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            return Self.answer(status: error.status, message: error.body ?? error.status.reasonPhrase, request: request)
        } catch let error as any HTTPResponseError {
            return Self.answer(status: error.status, message: error.status.reasonPhrase, request: request)
        } catch {
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return Self.answer(status: .internalServerError, message: "internal error", request: request)
        }
    }

    static func answer(status: HTTPResponse.Status, message: String, request: Request) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            let body = "{\"error\":\"\(APIRoutes.escaped(message))\"}\n"
            return Response(
                status: status, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        let html = """
            <!doctype html><html><head><meta charset="utf-8"><title>\(status.code)</title>\
            <link rel="stylesheet" href="/style.css"></head><body><main><h1>\(status.code)</h1>\
            <p>\(MarkupEscaping.escape(message, attribute: false))</p><p><a href="/">Symbiose</a></p></main></body></html>
            """
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
