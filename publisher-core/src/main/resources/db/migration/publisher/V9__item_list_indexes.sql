-- the console's item list: a department's items (and all items by status), most recently changed first
create index item_department_updated_at on item (department, updated_at desc, id);
create index item_status_updated_at on item (status, updated_at desc, id);
