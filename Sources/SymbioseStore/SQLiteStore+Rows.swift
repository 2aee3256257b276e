import Foundation
import GRDB

extension Row: StoreRow {
    func integer(_ column: String) throws -> Int64 {
        guard let value: Int64 = self[column] else { throw StoreError.corrupt(column) }
        return value
    }
    func optionalInteger(_ column: String) throws -> Int64? { self[column] }
    func text(_ column: String) throws -> String {
        guard let value: String = self[column] else { throw StoreError.corrupt(column) }
        return value
    }
    func optionalText(_ column: String) throws -> String? { self[column] }
}
